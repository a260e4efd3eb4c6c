package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.fired;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.engine.policy.ThresholdSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exceptions veto matches, apart from the condition; tuning them keeps correlation state. */
class ExceptionsTest {

  private static RuleDefinition exfil(List<String> exceptions) {
    return rule("exfil", "file.size > 100MB").withExceptions(exceptions);
  }

  @Test
  void anyMatchingExceptionVetoesTheMatch() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(
          engine,
          Map.of("backup_users", List.of("svc_backup")),
          Map.of(),
          policy("p", exfil(List.of("user.name in backup_users", "file.destination == 'nas'"))));
      var d =
          engine.evaluate(
              List.of(
                  event(1, "file.size", 200L << 20, "user.name", "svc_backup"),
                  event(2, "file.size", 200L << 20, "user.name", "bob", "file.destination", "nas"),
                  event(3, "file.size", 200L << 20, "user.name", "bob")));
      assertThat(fired(d)).containsExactly("exfil");
      assertThat(d.get(0).events().get(0).get("ts")).isEqualTo(Fixtures.T0.plusSeconds(3));
      assertThat(engine.metrics().vetoed()).isEqualTo(2);
    }
  }

  @Test
  void changingExceptionsKeepsTheRulesCorrelationState() {
    try (DetectionEngine engine = Fixtures.engine()) {
      RuleDefinition counted =
          rule("burst", "process.name == 'nc'")
              .withThreshold(new ThresholdSpec(2, "1h", List.of()));
      load(engine, policy("p", counted));
      engine.evaluate(event(1, "process.name", "nc", "user.name", "bob"));
      load(engine, policy("p", counted.withExceptions(List.of("user.name == 'admin'"))));
      assertThat(fired(engine.evaluate(event(2, "process.name", "nc", "user.name", "eve"))))
          .containsExactly("burst");
      assertThat(fired(engine.evaluate(event(3, "process.name", "nc", "user.name", "admin"))))
          .isEmpty();
    }
  }
}
