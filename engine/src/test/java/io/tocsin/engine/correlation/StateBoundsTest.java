package io.tocsin.engine.correlation;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.EngineConfig;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.ThresholdSpec;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Correlation state is bounded per rule; evictions and expirations are counted. */
class StateBoundsTest {

  @Test
  void groupsBeyondTheBoundEvictTheLeastRecentlyUsed() {
    try (DetectionEngine engine = Fixtures.engine(new EngineConfig(100, 100, 5))) {
      load(
          engine,
          policy(
              "p",
              rule("spray", "auth.result == 'failure'")
                  .withThreshold(new ThresholdSpec(5, "1h", List.of("network.source.ip")))));
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        events.add(event(i, "auth.result", "failure", "network.source.ip", "10.0.0." + i));
      }
      engine.evaluate(events);
      var m = engine.metrics();
      assertThat(m.correlationGroups()).isEqualTo(100);
      assertThat(m.correlationEvictions()).isEqualTo(900);
      assertThat(m.correlationBytes()).isPositive().isLessThan(100_000);
    }
  }

  @Test
  void groupsWhoseWindowPassedAreExpired() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(
          engine,
          policy(
              "p",
              rule("spray", "auth.result == 'failure'")
                  .withThreshold(new ThresholdSpec(5, "1m", List.of("network.source.ip")))));
      for (int i = 0; i < 50; i++) {
        engine.evaluate(event(i, "auth.result", "failure", "network.source.ip", "ip" + i));
      }
      assertThat(engine.metrics().correlationGroups()).isEqualTo(50);
      engine.advanceTo(Fixtures.T0.plusSeconds(3600));
      assertThat(engine.metrics().correlationGroups()).isZero();
      assertThat(engine.metrics().correlationExpirations()).isEqualTo(50);
    }
  }

  @Test
  void detectionsKeepABoundedNumberOfEvents() {
    try (DetectionEngine engine = Fixtures.engine(new EngineConfig(10, 10, 3))) {
      load(
          engine,
          policy(
              "p",
              rule("many", "auth.result == 'failure'")
                  .withThreshold(new ThresholdSpec(50, "1h", List.of()))));
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        events.add(event(i, "auth.result", "failure"));
      }
      var d = engine.evaluate(events);
      assertThat(d)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.count()).isEqualTo(50);
                assertThat(x.events()).hasSize(3);
              });
    }
  }
}
