package io.tocsin.api.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which members differ between two canonical policy trees ({@link
 * io.tocsin.engine.format.PolicyDocument#render}): {@code name}, {@code
 * rules[brute_force].severity}, {@code rules} (rules added, removed or reordered).
 */
final class PolicyDiff {

  private PolicyDiff() {}

  static List<String> changes(Map<String, Object> before, Map<String, Object> after) {
    List<String> out = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      if (key.equals("rules")) {
        out.addAll(rules(before.get("rules"), after.get("rules")));
      } else if (!Objects.equals(before.get(key), after.get(key))) {
        out.add(key);
      }
    }
    return out;
  }

  private static List<String> rules(Object before, Object after) {
    List<Map<String, Object>> a = list(before);
    List<Map<String, Object>> b = list(after);
    if (!ruleIds(a).equals(ruleIds(b))) {
      return List.of("rules");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Set<String> keys = new LinkedHashSet<>(a.get(i).keySet());
      keys.addAll(b.get(i).keySet());
      for (String key : keys) {
        if (!Objects.equals(a.get(i).get(key), b.get(i).get(key))) {
          out.add("rules[" + a.get(i).get("id") + "]." + key);
        }
      }
    }
    return out;
  }

  static List<Object> ruleIds(List<Map<String, Object>> rules) {
    return rules.stream().map(r -> r.get("id")).toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object rules) {
    if (!(rules instanceof List<?> l)) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object r : l) {
      out.add(r instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }
    return out;
  }

  /** Distinct changed members, in order. */
  static List<String> distinct(List<String> changes) {
    return new ArrayList<>(new LinkedHashSet<>(changes));
  }

  static Set<String> set(List<String> changes) {
    return new HashSet<>(changes);
  }
}
