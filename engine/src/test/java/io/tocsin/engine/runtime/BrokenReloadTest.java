package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.LoadResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A set that fails validation (or is empty) never replaces the working one. */
class BrokenReloadTest {

  @Test
  void invalidSetIsRejectedAndTheOldOneKeepsWorking() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      LoadResult bad =
          engine.reload(
              List.of(
                  policy("p", rule("r", "process.name == 'x'")),
                  policy("q", rule("r", "process.nme == 'y'"))),
              Map.of(),
              Map.of());
      assertThat(bad.ok()).isFalse();
      assertThat(bad.errors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.policyId()).isEqualTo("q");
                assertThat(e.path()).isEqualTo("rules[0].condition");
                assertThat(e.line()).isEqualTo(1);
                assertThat(e.column()).isEqualTo(1);
                assertThat(e.message()).contains("process.nme").contains("process.name");
              });
      assertThat(engine.generation()).isEqualTo(1);
      assertThat(engine.evaluate(event(1, "process.name", "x"))).hasSize(1);
      assertThat(engine.metrics().reloadsRejected()).isEqualTo(1);
    }
  }

  @Test
  void emptySetDoesNotSilentlyReplaceANonEmptyOne() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      LoadResult empty = engine.reload(List.of(), Map.of(), Map.of());
      assertThat(empty.ok()).isFalse();
      assertThat(empty.errors()).extracting(e -> e.code()).containsExactly("EMPTY_POLICY_SET");
      assertThat(engine.evaluate(event(1, "process.name", "x"))).hasSize(1);
      assertThat(engine.clear().ok()).isTrue();
      assertThat(engine.evaluate(event(2, "process.name", "x"))).isEmpty();
    }
  }
}
