package io.tocsin.engine.correlation;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.fired;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.engine.policy.SequenceSpec;
import io.tocsin.engine.policy.ThresholdSpec;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code threshold.distinct} (count distinct values, Sigma's value_count) and {@code
 * sequence.ordered: false} (steps in any order, Sigma's temporal).
 */
class DistinctAndUnorderedTest {

  private static DetectionEngine distinctEngine() {
    DetectionEngine engine = Fixtures.engine();
    RuleDefinition rule =
        RuleDefinition.simple("spray", "event.type == 'auth'", "alert", "high")
            .withThreshold(new ThresholdSpec(3, "1m", List.of("user.name"), "host.name"));
    load(engine, policy("p", rule));
    return engine;
  }

  private static Event logon(long s, String user, String host) {
    return event(
        s, "event.type", "auth", "user.name", user, "host.name", host, "id", user + host + s);
  }

  @Test
  void distinctFiresOnTheThirdDifferentValueOnly() {
    try (DetectionEngine engine = distinctEngine()) {
      assertThat(
              engine.evaluate(
                  List.of(
                      logon(0, "a", "h1"),
                      logon(1, "a", "h1"),
                      logon(2, "a", "h2"),
                      logon(3, "a", "h2"),
                      logon(4, "b", "h3"))))
          .isEmpty();
      assertThat(fired(engine.evaluate(logon(5, "a", "h3")))).containsExactly("spray");
    }
  }

  @Test
  void distinctValuesOutsideTheWindowDoNotCount() {
    try (DetectionEngine engine = distinctEngine()) {
      assertThat(engine.evaluate(List.of(logon(0, "a", "h1"), logon(30, "a", "h2")))).isEmpty();
      assertThat(engine.evaluate(logon(61, "a", "h3"))).isEmpty();
      assertThat(fired(engine.evaluate(logon(62, "a", "h4")))).containsExactly("spray");
    }
  }

  private static DetectionEngine unorderedEngine() {
    DetectionEngine engine = Fixtures.engine();
    RuleDefinition rule =
        new RuleDefinition(
            "both",
            null,
            "alert",
            "high",
            Map.of(),
            null,
            new SequenceSpec(
                List.of("host_id"),
                "5m",
                List.of("process.name == 'whoami'", "process.name == 'net'"),
                false),
            null,
            null,
            List.of());
    load(engine, policy("p", rule));
    return engine;
  }

  private static Event proc(long s, String host, String name) {
    return event(s, "host_id", host, "process.name", name);
  }

  @Test
  void unorderedStepsFireInEitherOrder() {
    try (DetectionEngine engine = unorderedEngine()) {
      assertThat(engine.evaluate(proc(0, "h1", "net"))).isEmpty();
      assertThat(fired(engine.evaluate(proc(10, "h1", "whoami")))).containsExactly("both");
      assertThat(engine.evaluate(proc(20, "h2", "whoami"))).isEmpty();
      assertThat(fired(engine.evaluate(proc(30, "h2", "net")))).containsExactly("both");
    }
  }

  @Test
  void unorderedStepsNeedOneKeyAndOneWindow() {
    try (DetectionEngine engine = unorderedEngine()) {
      assertThat(engine.evaluate(List.of(proc(0, "a", "net"), proc(1, "b", "whoami")))).isEmpty();
      assertThat(engine.evaluate(List.of(proc(10, "c", "net"), proc(10 + 301, "c", "whoami"))))
          .isEmpty();
    }
  }
}
