package io.tocsin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.model.Event;
import io.tocsin.model.ingest.EventNormalizer;
import io.tocsin.model.ingest.InvalidEventException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Detection-as-code checks for the shipped pack: it loads, and every sample behaves as labelled.
 */
class BuiltinPoliciesTest {

  private static final EventNormalizer NORMALIZER = new EventNormalizer(Clock.systemUTC());

  static Stream<PackPolicy> pack() {
    return BuiltinPolicies.pack().stream();
  }

  @Test
  void indexListsEveryPolicyFile() throws IOException {
    Path root = Path.of("src/main/resources", BuiltinPolicies.ROOT);
    try (Stream<Path> files = Files.walk(root)) {
      List<String> onDisk =
          files
              .filter(p -> p.toString().endsWith(".yml"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      assertThat(BuiltinPolicies.index()).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void wholePackLoadsWithoutErrors() {
    List<PolicyDefinition> policies = BuiltinPolicies.load();
    LoadResult result = DetectionEngine.create("t").validate(policies, Map.of(), Map.of());

    assertThat(result.errors()).isEmpty();
    assertThat(policies).hasSizeGreaterThanOrEqualTo(15);
    assertThat(policies.stream().map(PolicyDefinition::id).distinct()).hasSize(policies.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pack")
  void everyPolicyIsMitreTaggedAndHasSamples(PackPolicy policy) {
    assertThat(policy.definition().tags()).anyMatch(t -> t.matches("attack\\.t\\d{4}(\\.\\d{3})?"));
    assertThat(policy.positive()).isNotEmpty();
    assertThat(policy.negative()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pack")
  void positiveSamplesMatchAndNegativesDoNot(PackPolicy policy) throws InvalidEventException {
    for (Map<String, Object> raw : policy.positive()) {
      Event event = NORMALIZER.normalize(raw, "t");
      assertThat(matchesAnyRule(policy.definition(), event)).as("positive %s", raw).isTrue();
    }
    for (Map<String, Object> raw : policy.negative()) {
      Event event = NORMALIZER.normalize(raw, "t");
      assertThat(matchesAnyRule(policy.definition(), event)).as("negative %s", raw).isFalse();
    }
  }

  /** Stateless policies are also run through the real engine, end to end. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pack")
  void statelessPoliciesFireInTheEngine(PackPolicy policy) throws InvalidEventException {
    boolean stateless =
        policy.definition().rules().stream()
            .allMatch(r -> r.threshold() == null && r.sequence() == null && r.absence() == null);
    if (!stateless) {
      return;
    }
    try (DetectionEngine engine = DetectionEngine.create("t")) {
      assertThat(engine.reload(List.of(policy.definition()), Map.of(), Map.of()).errors())
          .isEmpty();
      List<Event> positives = new ArrayList<>();
      for (Map<String, Object> raw : policy.positive()) {
        positives.add(NORMALIZER.normalize(raw, "t"));
      }
      List<Detection> fired = engine.evaluate(positives);
      assertThat(fired).isNotEmpty();
      assertThat(fired).allMatch(d -> d.policyId().equals(policy.definition().id()));
      for (Map<String, Object> raw : policy.negative()) {
        assertThat(engine.evaluate(NORMALIZER.normalize(raw, "t")))
            .as("negative %s", raw)
            .isEmpty();
      }
    }
  }

  /**
   * A rule matches when its condition (and, for sequences, one step) holds and no exception does.
   */
  private static boolean matchesAnyRule(PolicyDefinition policy, Event event) {
    for (RuleDefinition rule : policy.rules()) {
      boolean condition = rule.condition() == null || holds(rule.condition(), event);
      boolean step =
          rule.sequence() == null
              || rule.sequence().steps().stream().anyMatch(s -> holds(s, event));
      boolean vetoed = rule.exceptions().stream().anyMatch(e -> holds(e, event));
      if (condition && step && !vetoed) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(String condition, Event event) {
    return Interpreter.compile(Conditions.compile(condition, ConditionContext.EMPTY).root())
        .test(event);
  }
}
