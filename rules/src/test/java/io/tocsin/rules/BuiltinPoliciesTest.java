package io.tocsin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.model.FieldCatalog;
import io.tocsin.rules.samples.SampleResult;
import io.tocsin.rules.samples.SampleRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Detection-as-code checks for the shipped pack: it loads, it is documented, and every sample
 * behaves as labelled when replayed through the real engine (with correlation).
 */
class BuiltinPoliciesTest {

  private static final SampleRunner RUNNER = new SampleRunner();

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
              .filter(p -> !p.equals("pack.yml"))
              .sorted()
              .toList();
      assertThat(BuiltinPolicies.index()).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void wholePackLoadsWithoutErrorsOrWarnings() {
    List<PolicyDefinition> policies = BuiltinPolicies.load();
    LoadResult result = DetectionEngine.create("t").validate(policies, Map.of(), Map.of());

    assertThat(result.diagnostics()).isEmpty();
    assertThat(policies).hasSizeGreaterThanOrEqualTo(150);
    assertThat(policies.stream().map(PolicyDefinition::id).distinct()).hasSize(policies.size());
    assertThat(BuiltinPolicies.builtinPack().id()).isEqualTo("tocsin-core");
  }

  @Test
  void packCoversLinuxWindowsAndNetworkWithVariedShapes() {
    List<PackPolicy> pack = BuiltinPolicies.pack();
    Map<String, Long> byFolder =
        pack.stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.resource().substring(0, p.resource().indexOf('/')),
                    Collectors.counting()));
    assertThat(byFolder.keySet()).contains("linux", "windows", "network");
    assertThat(byFolder.values()).allMatch(n -> n >= 5);
    List<RuleDefinition> rules =
        pack.stream().flatMap(p -> p.definition().rules().stream()).toList();
    assertThat(rules.stream().filter(r -> r.threshold() != null).count())
        .isGreaterThanOrEqualTo(10);
    assertThat(rules.stream().filter(r -> r.sequence() != null).count()).isGreaterThanOrEqualTo(10);
    assertThat(rules.stream().filter(r -> !r.exceptions().isEmpty()).count())
        .isGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pack")
  void everyPolicyIsMitreTaggedDocumentedAndHasSamples(PackPolicy policy) {
    assertThat(policy.definition().tags()).anyMatch(t -> t.matches("attack\\.t\\d{4}(\\.\\d{3})?"));
    assertThat(policy.definition().description()).isNotBlank();
    assertThat(policy.falsePositives()).as("false_positives").isNotEmpty();
    assertThat(policy.positive()).isNotEmpty();
    assertThat(policy.negative()).isNotEmpty();
  }

  /** Only canonical fields or payload.*: a misspelt field would make a rule silently dead. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pack")
  void samplesUseCanonicalFieldsOnly(PackPolicy policy) {
    Set<String> known = FieldCatalog.fields().keySet();
    Stream.concat(policy.positive().stream(), policy.negative().stream())
        .flatMap(s -> s.get("events") instanceof List<?> l ? l.stream() : Stream.of(s))
        .forEach(
            event ->
                flatten("", (Map<?, ?>) event)
                    .forEach(
                        path ->
                            assertThat(known.contains(path) || path.startsWith("payload."))
                                .as("%s: field [%s]", policy.resource(), path)
                                .isTrue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pack")
  void samplesBehaveInTheRealEngine(PackPolicy policy) {
    List<SampleResult> results = RUNNER.run(policy);
    assertThat(results).hasSize(policy.positive().size() + policy.negative().size());
    assertThat(results.stream().filter(r -> !r.passed()).map(r -> r.label() + ": " + r.message()))
        .as(policy.resource())
        .isEmpty();
  }

  private static Stream<String> flatten(String prefix, Map<?, ?> map) {
    return map.entrySet().stream()
        .flatMap(
            e -> {
              String path = prefix.isEmpty() ? e.getKey().toString() : prefix + "." + e.getKey();
              if (e.getValue() instanceof Map<?, ?> child && !path.equals("payload")) {
                return flatten(path, child);
              }
              return Stream.of(path.equals("payload") ? "payload.x" : path);
            });
  }
}
