package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A set validated by the caller is applied as it is (compiled, not validated again). */
class PrevalidatedReloadTest {

  private final PolicyLoader loader = new PolicyLoader(new DslLanguage());

  @Test
  void validatedSetThenAppliedAsGiven() {
    try (DetectionEngine engine = Fixtures.engine()) {
      LoadResult validated =
          loader.load(List.of(policy("p", rule("r", "process.name == 'x'"))), Map.of(), Map.of());

      LoadResult applied = engine.requestReload(validated).join();

      assertThat(applied).isSameAs(validated);
      assertThat(engine.generation()).isEqualTo(1);
      assertThat(engine.policySet()).isSameAs(validated.policySet().orElseThrow());
      assertThat(engine.evaluate(event(1, "process.name", "x"))).hasSize(1);
    }
  }

  @Test
  void resultWithErrorsThenRejectedAndOldSetKept() {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      LoadResult invalid =
          loader.load(List.of(policy("q", rule("r", "process.nme == 'y'"))), Map.of(), Map.of());

      assertThat(engine.requestReload(invalid).join().ok()).isFalse();

      assertThat(engine.generation()).isEqualTo(1);
      assertThat(engine.metrics().reloadsRejected()).isEqualTo(1);
      assertThat(engine.evaluate(event(1, "process.name", "x"))).hasSize(1);
    }
  }
}
