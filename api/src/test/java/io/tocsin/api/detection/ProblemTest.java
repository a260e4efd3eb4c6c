package io.tocsin.api.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.policy.LoadDiagnostic;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void conditionPositionThenFieldLineColumnAndRuleCarriedAsGiven() {
    Problem p =
        Problem.of(
            new LoadDiagnostic(
                LoadDiagnostic.Level.ERROR,
                "UNKNOWN_FIELD",
                "p1",
                "rules[2].exceptions[0]",
                3,
                14,
                "r2",
                "unknown field [x]"),
            "p1");

    assertThat(p.field()).isEqualTo("rules[2].exceptions[0]");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(14);
    assertThat(p.policyId()).isNull();
    assertThat(p.ruleId()).isEqualTo("r2");
    assertThat(p.render()).isEqualTo("rules[2].exceptions[0] line 3:14: unknown field [x]");
  }

  @Test
  void otherPolicyWithoutPositionThenPolicyIdAndNoLine() {
    Problem p =
        Problem.of(
            new LoadDiagnostic(
                LoadDiagnostic.Level.WARNING,
                "DISABLED_POLICY",
                "p2",
                "enabled",
                "policy is disabled"),
            "p1");

    assertThat(p.policyId()).isEqualTo("p2");
    assertThat(p.line()).isNull();
    assertThat(p.isError()).isFalse();
    assertThat(p.render()).isEqualTo("policy [p2] enabled: policy is disabled");
  }
}
