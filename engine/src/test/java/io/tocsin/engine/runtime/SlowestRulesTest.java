package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.RuleTiming;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the engine reports which rules cost most, and a chain of 2,500 or-ed equalities
 * compiles to hashed lookups and still matches exactly.
 */
class SlowestRulesTest {

  @Test
  void expensiveRuleRanksAboveCheapOne() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(
          engine,
          policy(
              "p1",
              rule("slow", "process.command_line matches '(?i)" + "a?".repeat(60) + "b'"),
              rule("cheap", "process.name == 'x.exe'")));
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        events.add(event(i, "process.name", "p" + i, "process.command_line", "a".repeat(500)));
      }

      engine.evaluate(events);

      List<RuleTiming> slowest = engine.slowestRules(5);
      assertThat(slowest).isNotEmpty();
      assertThat(slowest.get(0).policyId()).isEqualTo("p1");
      assertThat(slowest.get(0).ruleId()).isEqualTo("slow");
      assertThat(slowest.get(0).nanos()).isPositive();
      assertThat(engine.slowestRules(0)).isEmpty();
    }
  }

  @Test
  void twoThousandFiveHundredOrEqualitiesThenExactMatches() {
    String chain =
        IntStream.range(0, 2_500)
            .mapToObj(i -> "host_id == 'h" + i + "'")
            .collect(Collectors.joining(" or "));
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p1", rule("chain", chain)));

      var detections =
          engine.evaluate(
              List.of(event(1, "host_id", "h2499"), event(2, "host_id", "h2500"), event(3)));

      assertThat(Fixtures.fired(detections)).containsExactly("chain");
    }
  }
}
