package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.api.error.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyMergeTest {

  private static final Map<String, Object> STORED =
      Map.of(
          "name",
          "P",
          "description",
          "d",
          "enabled",
          true,
          "rules",
          List.of(
              Map.of(
                  "id", "rule_001",
                  "condition", "process.name == 'a'",
                  "action", "block",
                  "parameters", Map.of("notify_channels", List.of("slack"), "ttl", "1h")),
              Map.of("id", "rule_002", "condition", "process.name == 'b'")));

  @Test
  void seedPatchChangesOnlyTheNamedRuleAndMember() {
    Map<String, Object> merged =
        PolicyMerge.merge(
            STORED,
            Map.of(
                "enabled",
                false,
                "rules",
                List.of(Map.of("id", "rule_001", "action", "quarantine"))));

    assertThat(merged.get("enabled")).isEqualTo(false);
    assertThat(merged.get("name")).isEqualTo("P");
    List<?> rules = (List<?>) merged.get("rules");
    assertThat(rules).hasSize(2);
    Map<?, ?> first = (Map<?, ?>) rules.get(0);
    assertThat(first.get("action")).isEqualTo("quarantine");
    assertThat(first.get("condition")).isEqualTo("process.name == 'a'");
    assertThat(rules.get(1)).isEqualTo(((List<?>) STORED.get("rules")).get(1));
  }

  @Test
  void objectsMergeNullRemovesUnknownRulesAreAdded() {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("ttl", null);
    Map<String, Object> removeDescription = new HashMap<>();
    removeDescription.put("description", null);
    removeDescription.put(
        "rules",
        List.of(
            Map.of("id", "rule_001", "parameters", parameters),
            Map.of("condition", "process.name == 'c'")));

    Map<String, Object> merged = PolicyMerge.merge(STORED, removeDescription);

    assertThat(merged).doesNotContainKey("description");
    List<?> rules = (List<?>) merged.get("rules");
    assertThat(rules).hasSize(3);
    assertThat(((Map<?, ?>) rules.get(0)).get("parameters"))
        .isEqualTo(Map.of("notify_channels", List.of("slack")));
    assertThat(((Map<?, ?>) rules.get(2)).get("condition")).isEqualTo("process.name == 'c'");
  }

  @Test
  void wholePolicyIsNotPartialAndBadRulesAreRefused() {
    assertThat(PolicyMerge.isPartial(Map.of("name", "P", "rules", List.of()))).isFalse();
    assertThat(PolicyMerge.isPartial(Map.of("enabled", false))).isTrue();
    assertThatThrownBy(() -> PolicyMerge.merge(STORED, Map.of("rules", "rule_001")))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> PolicyMerge.merge(STORED, Map.of("rules", List.of("rule_001"))))
        .isInstanceOf(ApiException.class);
  }
}
