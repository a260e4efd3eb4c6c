package io.tocsin.engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.policy.LoadDiagnostic;
import io.tocsin.engine.policy.PolicyDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

  @Test
  void ruleIdsWhenSomeGivenThenFirstFreeNumbersAssigned() {
    PolicyDocument.Parsed parsed =
        PolicyDocument.read(
            Map.of(
                "name",
                "P",
                "rules",
                List.of(
                    Map.of("condition", "host_id == 'a'"),
                    Map.of("id", "rule_001", "condition", "host_id == 'b'"),
                    Map.of("condition", "host_id == 'c'"))));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rules())
        .extracting(r -> r.id())
        .containsExactly("rule_002", "rule_001", "rule_003");
  }

  @Test
  void renderThenParseThenSameDefinition() {
    Map<String, Object> body =
        Map.of(
            "name",
            "P",
            "description",
            "d",
            "enabled",
            false,
            "tags",
            List.of("attack.t1"),
            "rules",
            List.of(
                Map.of(
                    "id",
                    "r",
                    "condition",
                    "host_id == 'a'",
                    "action",
                    "BLOCK",
                    "severity",
                    "High",
                    "parameters",
                    Map.of("k", List.of(1, 2)),
                    "sequence",
                    Map.of(
                        "by",
                        "host_id",
                        "within",
                        "5m",
                        "steps",
                        List.of("host_id == 'x'", "host_id == 'y'")),
                    "suppress",
                    Map.of("for", "10m", "group_by", List.of("host_id")),
                    "exceptions",
                    List.of("user.name == 'svc'"))));
    PolicyDefinition first = PolicyDocument.read(body).definition("p1", true);

    PolicyDefinition second =
        PolicyDocument.read(PolicyDocument.render(first)).definition("p1", true);

    assertThat(second).isEqualTo(first);
    assertThat(first.rules().get(0).action()).isEqualTo("block");
    assertThat(first.rules().get(0).severity()).isEqualTo("high");
    assertThat(first.rules().get(0).sequence().by()).containsExactly("host_id");
  }

  @Test
  void shapeProblemsWhenWrongTypesAndUnknownMembersThenEachWithItsField() {
    PolicyDocument.Parsed parsed =
        PolicyDocument.read(
            Map.of(
                "name",
                5,
                "tags",
                List.of("ok", 3),
                "colour",
                "red",
                "rules",
                List.of(
                    "not an object",
                    Map.of(
                        "condition",
                        "host_id == 'a'",
                        "threshold",
                        Map.of("count", "five", "withn", "1m")))));

    assertThat(parsed.problems())
        .extracting(LoadDiagnostic::path)
        .containsExactlyInAnyOrder(
            "colour",
            "name",
            "tags[1]",
            "rules[0]",
            "rules[1].threshold.withn",
            "rules[1].threshold.count");
    assertThat(parsed.problems())
        .filteredOn(p -> p.path().equals("rules[1].threshold.withn"))
        .extracting(LoadDiagnostic::message)
        .containsExactly("unknown member [withn], did you mean [within]?");
  }

  @Test
  void serverMembersThenIgnored() {
    PolicyDocument.Parsed parsed =
        PolicyDocument.read(
            Map.of(
                "name",
                "P",
                "version",
                3,
                "created_at",
                "x",
                "builtin",
                true,
                "samples",
                Map.of(),
                "rules",
                List.of(Map.of("condition", "host_id == 'a'"))));

    assertThat(parsed.problems()).isEmpty();
  }

  @Test
  void packMembersAndDefaultsThenAcceptedAndDefaultsExplicit() {
    PolicyDocument.Parsed parsed =
        PolicyDocument.read(
            Map.of(
                "id",
                "p",
                "name",
                "P",
                "false_positives",
                List.of("admins"),
                "references",
                List.of("https://attack.mitre.org/"),
                "rules",
                List.of(Map.of("id", "r", "condition", "host_id == 'a'"))));

    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.rules().get(0).action()).isEqualTo(PolicyDocument.DEFAULT_ACTION);
    assertThat(parsed.rules().get(0).severity()).isEqualTo(PolicyDocument.DEFAULT_SEVERITY);
  }

  @Test
  void shapeProblemThenErrorDiagnosticWithPathAndNoPosition() {
    LoadDiagnostic d =
        PolicyDocument.read(Map.of("name", "P", "enabled", "yes", "rules", List.of()))
            .problems()
            .get(0);

    assertThat(d.isError()).isTrue();
    assertThat(d.code()).isEqualTo("INVALID_TYPE");
    assertThat(d.path()).isEqualTo("enabled");
    assertThat(d.line()).isZero();
    assertThat(d.policyId()).isNull();
  }
}
