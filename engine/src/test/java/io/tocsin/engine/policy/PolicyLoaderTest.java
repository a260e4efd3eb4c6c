package io.tocsin.engine.policy;

import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.condition.DslLanguage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falco-style load results: every problem at once, with codes and locations. */
class PolicyLoaderTest {

  private final PolicyLoader loader = new PolicyLoader(new DslLanguage());

  @Test
  void reportsEveryProblemWithItsLocation() {
    RuleDefinition bad =
        new RuleDefinition(
            "r1",
            "process.name == 'x' and",
            "explode",
            "urgent",
            Map.of(),
            new ThresholdSpec(0, "5x", List.of("network.sourc.ip")),
            null,
            null,
            new SuppressSpec("10m", List.of()),
            List.of("user.nme == 'a'"));
    LoadResult result =
        loader.load(
            List.of(
                policy("p1", bad, rule("r1", "process.name == 'y'")),
                policy("p1", rule("r", "true"))),
            Map.of(),
            Map.of());
    assertThat(result.ok()).isFalse();
    assertThat(result.errors())
        .extracting(LoadDiagnostic::code)
        .contains(
            "INVALID_ACTION",
            "INVALID_SEVERITY",
            "INVALID_THRESHOLD",
            "INVALID_DURATION",
            "UNKNOWN_FIELD",
            "DUPLICATE_RULE_ID",
            "DUPLICATE_POLICY_ID");
    assertThat(result.errors())
        .extracting(LoadDiagnostic::toString)
        .anySatisfy(s -> assertThat(s).startsWith("policy [p1] rules[0].condition line 1:"))
        .anySatisfy(s -> assertThat(s).startsWith("policy [p1] rules[0].exceptions[0] line 1:1: "))
        .anySatisfy(
            s ->
                assertThat(s)
                    .isEqualTo(
                        "policy [p1] rules[0].threshold.group_by[0]: unknown field [network.sourc.ip], did you mean [network.source.ip]?"));
  }

  @Test
  void warningsDoNotRefuseTheSet() {
    LoadResult result =
        loader.load(
            List.of(policy("p", rule("r", "process.name == 'x'")).withEnabled(false)),
            Map.of("unused", List.of("a")),
            Map.of());
    assertThat(result.ok()).isTrue();
    assertThat(result.warnings())
        .extracting(LoadDiagnostic::code)
        .containsExactlyInAnyOrder("DISABLED_POLICY", "UNUSED_LIST");
    assertThat(result.policySet().orElseThrow().rules()).isEmpty();
  }

  @Test
  void correlationKindsAreExclusiveAndSequencesNeedSteps() {
    RuleDefinition both =
        rule("r", "process.name == 'x'")
            .withThreshold(new ThresholdSpec(2, "1m", List.of()))
            .withAbsence(new AbsenceSpec("process.name == 'y'", "1m", List.of()));
    RuleDefinition shortSeq =
        rule("s", null)
            .withSequence(
                new SequenceSpec(List.of("host_id"), "1m", List.of("process.name == 'x'")));
    LoadResult result = loader.load(List.of(policy("p", both, shortSeq)), Map.of(), Map.of());
    assertThat(result.errors())
        .extracting(LoadDiagnostic::code)
        .containsExactly("CONFLICTING_CORRELATION", "INVALID_SEQUENCE");
  }

  @Test
  void fingerprintIgnoresExceptionsSuppressionSeverityAndAction() {
    RuleDefinition a = rule("r", "process.name == 'x'");
    RuleDefinition b =
        new RuleDefinition(
            "r",
            "process.name  ==  \"x\"",
            "block",
            "low",
            Map.of(),
            null,
            null,
            null,
            new SuppressSpec("1m", List.of()),
            List.of("user.name == 'a'"));
    String fa =
        loader
            .load(List.of(policy("p", a)), Map.of(), Map.of())
            .policySet()
            .orElseThrow()
            .rules()
            .get(0)
            .fingerprint();
    String fb =
        loader
            .load(List.of(policy("p", b)), Map.of(), Map.of())
            .policySet()
            .orElseThrow()
            .rules()
            .get(0)
            .fingerprint();
    assertThat(fa).isEqualTo(fb);
  }
}
