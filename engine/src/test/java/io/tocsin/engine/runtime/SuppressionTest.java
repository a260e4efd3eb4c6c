package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.SuppressSpec;
import io.tocsin.engine.policy.ThresholdSpec;
import io.tocsin.model.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code suppress {for, group_by}}: one detection per rule and key per period, then updates. */
class SuppressionTest {

  private static Event ps(long s, String host) {
    return event(s, "host_id", host, "process.name", "psexec.exe");
  }

  private DetectionEngine engine() {
    DetectionEngine engine = Fixtures.engine();
    load(
        engine,
        policy(
            "lateral",
            rule("psexec", "process.name == 'psexec.exe'")
                .withSuppress(new SuppressSpec("10m", List.of("host_id")))));
    return engine;
  }

  @Test
  void laterMatchesAreCountedIntoTheOpenDetectionAsOneUpdatePerBatch() {
    try (DetectionEngine engine = engine()) {
      List<Detection> first = engine.evaluate(ps(0, "h1"));
      assertThat(first).singleElement().extracting(Detection::kind).isEqualTo(Detection.Kind.NEW);
      List<Detection> next = engine.evaluate(List.of(ps(10, "h1"), ps(20, "h1"), ps(30, "h2")));
      assertThat(next)
          .extracting(Detection::kind)
          .containsExactly(Detection.Kind.NEW, Detection.Kind.UPDATE);
      Detection update = next.get(1);
      assertThat(update.id()).isEqualTo(first.get(0).id());
      assertThat(update.count()).isEqualTo(3);
      assertThat(update.lastSeen()).isEqualTo(Fixtures.T0.plusSeconds(20));
      assertThat(engine.metrics().suppressed()).isEqualTo(2);
    }
  }

  @Test
  void aNewPeriodOpensANewDetection() {
    try (DetectionEngine engine = engine()) {
      Detection a = engine.evaluate(ps(0, "h1")).get(0);
      Detection b = engine.evaluate(ps(601, "h1")).get(0);
      assertThat(b.kind()).isEqualTo(Detection.Kind.NEW);
      assertThat(b.id()).isNotEqualTo(a.id());
    }
  }

  @Test
  void suppressionAppliesToCorrelatedDetectionsToo() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(
          engine,
          policy(
              "p",
              rule("burst", "process.name == 'psexec.exe'")
                  .withThreshold(new ThresholdSpec(2, "1m", List.of("host_id")))
                  .withSuppress(new SuppressSpec("1h", List.of("host_id")))));
      assertThat(engine.evaluate(List.of(ps(0, "h"), ps(1, "h")))).hasSize(1);
      List<Detection> d = engine.evaluate(List.of(ps(2, "h"), ps(3, "h")));
      assertThat(d)
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.kind()).isEqualTo(Detection.Kind.UPDATE);
                assertThat(u.count()).isEqualTo(4);
              });
    }
  }
}
