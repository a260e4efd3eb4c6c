package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.fired;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.engine.policy.ThresholdSpec;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hot reload: add, update, disable, delete without restart; unchanged rules keep their state. */
class ReloadKeepsStateTest {

  private static final RuleDefinition SCAN =
      rule("scan", "network.destination.port == 22")
          .withThreshold(new ThresholdSpec(3, "10m", List.of()));

  private static Event ssh(long s) {
    return event(s, "network.destination.port", 22L);
  }

  @Test
  void unchangedRuleKeepsItsPartialWindowAcrossReloads() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("net", SCAN));
      engine.evaluate(List.of(ssh(1), ssh(2)));
      // add another policy, then edit severity of the counted rule: fingerprint unchanged
      load(engine, policy("net", SCAN), policy("other", rule("x", "process.name == 'x'")));
      RuleDefinition louder =
          new RuleDefinition(
              "scan",
              SCAN.condition(),
              "notify",
              "critical",
              Map.of(),
              SCAN.threshold(),
              null,
              null,
              null,
              List.of());
      load(engine, policy("net", louder), policy("other", rule("x", "process.name == 'x'")));
      var d = engine.evaluate(ssh(3));
      assertThat(fired(d)).containsExactly("scan");
      assertThat(d.get(0).severity().wireName()).isEqualTo("critical");
      assertThat(engine.generation()).isEqualTo(3);
    }
  }

  @Test
  void changedConditionStartsOver() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("net", SCAN));
      engine.evaluate(List.of(ssh(1), ssh(2)));
      load(engine, policy("net", SCAN.withCondition("network.destination.port in (22, 2222)")));
      assertThat(engine.evaluate(ssh(3))).isEmpty();
      assertThat(fired(engine.evaluate(List.of(ssh(4), ssh(5))))).containsExactly("scan");
    }
  }

  @Test
  void disableAndDeleteTakeEffectWithoutRestart() {
    try (DetectionEngine engine = Fixtures.engine()) {
      PolicyDefinition p = policy("p", rule("r", "process.name == 'x'"));
      load(engine, p, policy("q", rule("r", "process.name == 'y'")));
      assertThat(engine.evaluate(event(1, "process.name", "x"))).hasSize(1);
      load(engine, p.withEnabled(false), policy("q", rule("r", "process.name == 'y'")));
      assertThat(engine.evaluate(event(2, "process.name", "x"))).isEmpty();
      load(engine, policy("q", rule("r", "process.name == 'y'")));
      assertThat(engine.evaluate(event(3, "process.name", "y"))).hasSize(1);
      assertThat(engine.policySet().policies()).hasSize(1);
    }
  }
}
