package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event time drives the engine: late events are still evaluated by stateless rules; replays agree.
 */
class TimeSemanticsTest {

  @Test
  void lateEventsAreEvaluatedByStatelessRulesAndCounted() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      engine.evaluate(event(1000, "process.name", "y"));
      assertThat(engine.evaluate(event(10, "process.name", "x"))).hasSize(1);
      assertThat(engine.metrics().lateEvents()).isEqualTo(1);
      assertThat(engine.metrics().watermark()).isEqualTo(Fixtures.T0.plusSeconds(1000));
    }
  }

  @Test
  void eventsWithoutTimestampUseTheInjectedClock() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      List<Detection> d = engine.evaluate(Event.of(Map.of("process.name", "x")));
      assertThat(d.get(0).firstSeen()).isEqualTo(Fixtures.T0);
    }
  }

  @Test
  void replayingTheSameEventsGivesTheSameDetections() {
    List<Event> events =
        List.of(
            event(1, "process.name", "x", "host_id", "h"),
            event(2, "process.name", "x", "host_id", "h"));
    List<String> first;
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      first = engine.evaluate(events).stream().map(Detection::id).toList();
    }
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      List<String> second =
          events.stream().flatMap(e -> engine.evaluate(e).stream()).map(Detection::id).toList();
      assertThat(second).isEqualTo(first).hasSize(2).doesNotHaveDuplicates();
    }
  }

  @Test
  void detectionCarriesPolicyRuleActionAndMitreTags() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      Detection d =
          engine.evaluate(event(1, "process.name", "x", "risk_hints", List.of("a", "b"))).get(0);
      assertThat(d.policyId()).isEqualTo("p");
      assertThat(d.policyName()).isEqualTo("Policy p");
      assertThat(d.tenantId()).isEqualTo("t1");
      assertThat(d.mitreTags()).containsExactly("attack.t1059");
      assertThat(d.action().wireName()).isEqualTo("alert");
      assertThat(d.riskScore()).isEqualTo(73 + 4);
      assertThat(d.count()).isEqualTo(1);
    }
  }
}
