package io.tocsin.api.policy;

import io.tocsin.api.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partial {@code PUT /policies/{id}} (a body without {@code name}, as the INSEC reference sends:
 * {@code {"enabled": false, "rules": [{"id": "rule_001", "action": "quarantine"}]}}) merged into
 * the stored policy's source. Members follow JSON merge patch (RFC 7396): a present member replaces
 * the stored one, objects merge member by member, {@code null} removes. {@code rules} is matched by
 * rule {@code id}: a named rule is merged, a rule without a stored id is added, and rules the patch
 * does not name stay as they are. The caller validates the result as a whole.
 */
final class PolicyMerge {

  private PolicyMerge() {}

  /** Whether {@code body} is a partial update rather than a whole policy. */
  static boolean isPartial(Map<String, Object> body) {
    return !body.containsKey("name");
  }

  static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> patch) {
    Map<String, Object> merged = new LinkedHashMap<>(stored);
    for (Map.Entry<String, Object> member : patch.entrySet()) {
      if (member.getKey().equals("rules")) {
        merged.put("rules", rules(stored.get("rules"), member.getValue()));
      } else {
        apply(merged, member.getKey(), member.getValue());
      }
    }
    return merged;
  }

  private static List<Object> rules(Object storedRules, Object patchRules) {
    if (!(patchRules instanceof List<?> patches)) {
      throw ApiException.badRequest(
          "rules: expected an array of rules (each naming the id of the rule to change)");
    }
    List<Object> out = new ArrayList<>();
    Map<String, Integer> byId = new LinkedHashMap<>();
    if (storedRules instanceof List<?> list) {
      for (Object rule : list) {
        if (rule instanceof Map<?, ?> m && m.get("id") != null) {
          byId.put(m.get("id").toString(), out.size());
        }
        out.add(rule);
      }
    }
    for (int i = 0; i < patches.size(); i++) {
      if (!(patches.get(i) instanceof Map<?, ?> patch)) {
        throw ApiException.badRequest("rules[" + i + "]: expected an object");
      }
      Object id = patch.get("id");
      Integer at = id == null ? null : byId.get(id.toString());
      if (at == null) {
        out.add(patch);
      } else {
        out.set(at, mergeObjects(out.get(at), patch));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mergeObjects(Object stored, Map<?, ?> patch) {
    Map<String, Object> merged =
        stored instanceof Map<?, ?> m
            ? new LinkedHashMap<>((Map<String, Object>) m)
            : new LinkedHashMap<>();
    patch.forEach((k, v) -> apply(merged, String.valueOf(k), v));
    return merged;
  }

  private static void apply(Map<String, Object> target, String key, Object value) {
    if (value == null) {
      target.remove(key);
    } else if (value instanceof Map<?, ?> patch && target.get(key) instanceof Map<?, ?> current) {
      target.put(key, mergeObjects(current, patch));
    } else {
      target.put(key, value);
    }
  }
}
