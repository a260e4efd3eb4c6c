package io.tocsin.api.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries a tenant's tuning of a pack policy over to the pack's next version. Tuning is what
 * operators change to fit a policy to their environment without changing what it detects: the
 * {@code enabled} flag and, per rule, {@code severity}, {@code exceptions} and {@code suppress}.
 * Any other difference from the shipped version is an edit, and an edited policy is kept as the
 * tenant wrote it.
 */
final class PackTuning {

  static final Set<String> TUNABLE_RULE_MEMBERS = Set.of("severity", "exceptions", "suppress");
  private static final Pattern RULE_MEMBER = Pattern.compile("rules\\[(.+)]\\.([a-z_]+)");

  private PackTuning() {}

  /**
   * The outcome for one policy.
   *
   * @param merged the next version with the tuning applied; null when the tenant edited the policy
   * @param tuned the tuned members carried over
   * @param edits the members the tenant edited (why the policy is kept)
   */
  record Outcome(Map<String, Object> merged, List<String> tuned, List<String> edits) {}

  static Outcome merge(
      Map<String, Object> base, Map<String, Object> current, Map<String, Object> next) {
    List<String> changes = PolicyDiff.changes(base, current);
    List<String> edits = new ArrayList<>();
    for (String change : changes) {
      Matcher m = RULE_MEMBER.matcher(change);
      boolean tunable =
          change.equals("enabled") || (m.matches() && TUNABLE_RULE_MEMBERS.contains(m.group(2)));
      if (!tunable) {
        edits.add(change);
      }
    }
    if (!edits.isEmpty()) {
      return new Outcome(null, List.of(), edits);
    }
    Map<String, Object> merged = copy(next);
    for (String change : changes) {
      if (change.equals("enabled")) {
        merged.put("enabled", current.get("enabled"));
        continue;
      }
      Matcher m = RULE_MEMBER.matcher(change);
      m.matches();
      String ruleId = m.group(1);
      String member = m.group(2);
      Map<String, Object> target = rule(merged, ruleId);
      if (target == null) {
        return new Outcome(
            null, List.of(), List.of(change + " (the update removes rule [" + ruleId + "])"));
      }
      Map<String, Object> mine = rule(current, ruleId);
      if (member.equals("exceptions")) {
        target.put("exceptions", exceptions(rule(base, ruleId), mine, target));
      } else if (mine.get(member) == null) {
        target.remove(member);
      } else {
        target.put(member, mine.get(member));
      }
    }
    return new Outcome(merged, changes, List.of());
  }

  /** The next version's exceptions, minus those the tenant removed, plus those it added. */
  private static List<Object> exceptions(
      Map<String, Object> base, Map<String, Object> mine, Map<String, Object> next) {
    Set<Object> shipped = new LinkedHashSet<>(strings(base.get("exceptions")));
    Set<Object> own = new LinkedHashSet<>(strings(mine.get("exceptions")));
    Set<Object> out = new LinkedHashSet<>(strings(next.get("exceptions")));
    for (Object e : shipped) {
      if (!own.contains(e)) {
        out.remove(e);
      }
    }
    for (Object e : own) {
      if (!shipped.contains(e)) {
        out.add(e);
      }
    }
    return new ArrayList<>(out);
  }

  private static List<?> strings(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static Map<String, Object> rule(Map<String, Object> policy, String ruleId) {
    for (Map<String, Object> r : PolicyDiff.list(policy.get("rules"))) {
      if (ruleId.equals(String.valueOf(r.get("id")))) {
        return r;
      }
    }
    return null;
  }

  /** A copy whose rules are copies too (the merge writes into them). */
  private static Map<String, Object> copy(Map<String, Object> policy) {
    Map<String, Object> out = new LinkedHashMap<>(policy);
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> r : PolicyDiff.list(policy.get("rules"))) {
      rules.add(new LinkedHashMap<>(r));
    }
    out.put("rules", rules);
    return out;
  }
}
