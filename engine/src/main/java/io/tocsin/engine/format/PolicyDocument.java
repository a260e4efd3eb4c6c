package io.tocsin.engine.format;

import io.tocsin.engine.policy.AbsenceSpec;
import io.tocsin.engine.policy.LoadDiagnostic;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.engine.policy.SequenceSpec;
import io.tocsin.engine.policy.SuppressSpec;
import io.tocsin.engine.policy.ThresholdSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one reader of the policy document (DESIGN §5): API bodies and pack/CLI files (YAML or JSON,
 * parsed to maps) become the engine's {@link PolicyDefinition}, every shape problem reported as a
 * {@link LoadDiagnostic} with its path, and {@link #render} writes the canonical form back. Unknown
 * members are errors: a misspelt {@code treshold} must not silently turn a correlation rule into a
 * plain one. The published JSON Schema ({@link PolicySchema}) describes the same members.
 */
public final class PolicyDocument {

  public static final Set<String> POLICY_MEMBERS =
      Set.of("id", "name", "description", "enabled", "tags", "rules");

  /**
   * Members accepted and not interpreted here: what the server adds to a policy it returns (so a
   * GET can be PUT back), and the pack files' test and documentation members, read by the rules
   * module ({@code samples}, {@code false_positives}, {@code references}).
   */
  public static final Set<String> IGNORED_MEMBERS =
      Set.of(
          "created_at",
          "updated_at",
          "created_by",
          "updated_by",
          "version",
          "tenant_id",
          "builtin",
          "samples",
          "false_positives",
          "references");

  /** Members of each correlation block of a rule. */
  public static final Map<String, Set<String>> BLOCK_MEMBERS =
      Map.of(
          "threshold", Set.of("count", "within", "group_by", "distinct"),
          "sequence", Set.of("by", "within", "steps", "ordered"),
          "absence", Set.of("expect", "within", "by"),
          "suppress", Set.of("for", "group_by"));

  public static final Set<String> RULE_MEMBERS =
      Set.of(
          "id",
          "condition",
          "action",
          "severity",
          "parameters",
          "threshold",
          "sequence",
          "absence",
          "suppress",
          "exceptions");

  public static final String DEFAULT_ACTION = "alert";
  public static final String DEFAULT_SEVERITY = "medium";

  private final List<LoadDiagnostic> problems = new ArrayList<>();

  private PolicyDocument() {}

  /**
   * A parsed body.
   *
   * @param enabled null when the body does not say
   * @param problems shape errors; the definition is meaningless when there are any
   */
  public record Parsed(
      String id,
      String name,
      String description,
      Boolean enabled,
      List<String> tags,
      List<RuleDefinition> rules,
      List<LoadDiagnostic> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }

    public PolicyDefinition definition(String policyId, boolean enabledIfAbsent) {
      return new PolicyDefinition(
          policyId, name, description, enabled == null ? enabledIfAbsent : enabled, tags, rules);
    }
  }

  /** Reads a document; the definition is meaningful only when {@link Parsed#ok()}. */
  public static Parsed read(Map<String, ?> body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = body == null ? Map.of() : (Map<String, Object>) body;
    return new PolicyDocument().document(tree);
  }

  private Parsed document(Map<String, Object> body) {
    members(body, POLICY_MEMBERS, "");
    String id = string(body, "id", "id");
    String name = string(body, "name", "name");
    String description = string(body, "description", "description");
    Boolean enabled = null;
    Object e = body.get("enabled");
    if (e instanceof Boolean b) {
      enabled = b;
    } else if (e != null) {
      type("enabled", "a boolean", e);
    }
    List<String> tags = strings(body.get("tags"), "tags");
    List<RuleDefinition> rules = new ArrayList<>();
    Object r = body.get("rules");
    if (r instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> rule = object(list.get(i), "rules[" + i + "]");
        if (rule != null) {
          rules.add(rule(rule, "rules[" + i + "]"));
        }
      }
    } else if (r != null) {
      type("rules", "an array of rules", r);
    }
    return new Parsed(
        id, name, description, enabled, tags, withRuleIds(rules), List.copyOf(problems));
  }

  private RuleDefinition rule(Map<String, Object> m, String at) {
    members(m, RULE_MEMBERS, at + ".");
    Map<String, Object> parameters = new LinkedHashMap<>();
    Map<String, Object> given = object(m.get("parameters"), at + ".parameters");
    if (given != null) {
      given.forEach(
          (k, v) -> {
            if (v != null) {
              parameters.put(k, v);
            }
          });
    }
    ThresholdSpec threshold = null;
    Map<String, Object> t = object(m.get("threshold"), at + ".threshold");
    if (t != null) {
      String loc = at + ".threshold";
      members(t, BLOCK_MEMBERS.get("threshold"), loc + ".");
      threshold =
          new ThresholdSpec(
              integer(t.get("count"), loc + ".count"),
              string(t, "within", loc + ".within"),
              strings(t.get("group_by"), loc + ".group_by"),
              string(t, "distinct", loc + ".distinct"));
    }
    SequenceSpec sequence = null;
    Map<String, Object> s = object(m.get("sequence"), at + ".sequence");
    if (s != null) {
      String loc = at + ".sequence";
      members(s, BLOCK_MEMBERS.get("sequence"), loc + ".");
      Boolean ordered = null;
      if (s.get("ordered") instanceof Boolean b) {
        ordered = b;
      } else if (s.get("ordered") != null) {
        type(loc + ".ordered", "a boolean", s.get("ordered"));
      }
      sequence =
          new SequenceSpec(
              strings(s.get("by"), loc + ".by"),
              string(s, "within", loc + ".within"),
              strings(s.get("steps"), loc + ".steps"),
              ordered);
    }
    AbsenceSpec absence = null;
    Map<String, Object> a = object(m.get("absence"), at + ".absence");
    if (a != null) {
      String loc = at + ".absence";
      members(a, BLOCK_MEMBERS.get("absence"), loc + ".");
      absence =
          new AbsenceSpec(
              string(a, "expect", loc + ".expect"),
              string(a, "within", loc + ".within"),
              strings(a.get("by"), loc + ".by"));
    }
    SuppressSpec suppress = null;
    Map<String, Object> p = object(m.get("suppress"), at + ".suppress");
    if (p != null) {
      String loc = at + ".suppress";
      members(p, BLOCK_MEMBERS.get("suppress"), loc + ".");
      suppress =
          new SuppressSpec(
              string(p, "for", loc + ".for"), strings(p.get("group_by"), loc + ".group_by"));
    }
    return new RuleDefinition(
        string(m, "id", at + ".id"),
        string(m, "condition", at + ".condition"),
        orDefault(lower(string(m, "action", at + ".action")), DEFAULT_ACTION),
        orDefault(lower(string(m, "severity", at + ".severity")), DEFAULT_SEVERITY),
        parameters,
        threshold,
        sequence,
        absence,
        suppress,
        strings(m.get("exceptions"), at + ".exceptions"));
  }

  /** Gives rules without an id the first free {@code rule_001}, {@code rule_002}, ... */
  public static List<RuleDefinition> withRuleIds(List<RuleDefinition> rules) {
    Set<String> taken = new HashSet<>();
    rules.stream().map(RuleDefinition::id).filter(id -> id != null).forEach(taken::add);
    List<RuleDefinition> out = new ArrayList<>();
    int next = 1;
    for (RuleDefinition r : rules) {
      if (r.id() != null && !r.id().isBlank()) {
        out.add(r);
        continue;
      }
      String id;
      do {
        id = String.format("rule_%03d", next++);
      } while (taken.contains(id));
      taken.add(id);
      out.add(
          new RuleDefinition(
              id,
              r.condition(),
              r.action(),
              r.severity(),
              r.parameters(),
              r.threshold(),
              r.sequence(),
              r.absence(),
              r.suppress(),
              r.exceptions()));
    }
    return out;
  }

  /** The canonical source of a policy: what is stored, versioned and returned. */
  public static Map<String, Object> render(PolicyDefinition p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("name", p.name());
    if (p.description() != null) {
      out.put("description", p.description());
    }
    out.put("enabled", p.enabled());
    out.put("tags", p.tags());
    List<Map<String, Object>> rules = new ArrayList<>();
    for (RuleDefinition r : p.rules()) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", r.id());
      if (r.condition() != null) {
        rule.put("condition", r.condition());
      }
      rule.put("action", r.action() == null ? DEFAULT_ACTION : r.action());
      rule.put("severity", r.severity() == null ? DEFAULT_SEVERITY : r.severity());
      rule.put("parameters", r.parameters());
      if (r.threshold() != null) {
        rule.put("threshold", threshold(r.threshold()));
      }
      if (r.sequence() != null) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("by", r.sequence().by());
        s.put("within", r.sequence().within());
        s.put("steps", r.sequence().steps());
        if (r.sequence().ordered() != null) {
          s.put("ordered", r.sequence().ordered());
        }
        rule.put("sequence", s);
      }
      if (r.absence() != null) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("expect", r.absence().expect());
        a.put("within", r.absence().within());
        a.put("by", r.absence().by());
        rule.put("absence", a);
      }
      if (r.suppress() != null) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("for", r.suppress().forPeriod());
        s.put("group_by", r.suppress().groupBy());
        rule.put("suppress", s);
      }
      rule.put("exceptions", r.exceptions());
      rules.add(rule);
    }
    out.put("rules", rules);
    return out;
  }

  private static Map<String, Object> threshold(ThresholdSpec t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", t.count());
    out.put("within", t.within());
    out.put("group_by", t.groupBy());
    if (t.distinct() != null) {
      out.put("distinct", t.distinct());
    }
    return out;
  }

  private void members(Map<String, Object> m, Set<String> known, String prefix) {
    for (String key : m.keySet()) {
      if (!known.contains(key) && !(prefix.isEmpty() && IGNORED_MEMBERS.contains(key))) {
        String hint =
            known.stream()
                .filter(k -> close(k, key))
                .findFirst()
                .map(k -> ", did you mean [" + k + "]?")
                .orElse(", expected one of " + known.stream().sorted().toList());
        problems.add(
            LoadDiagnostic.error(
                "UNKNOWN_MEMBER", prefix + key, "unknown member [" + key + "]" + hint));
      }
    }
  }

  private String string(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    type(at, "a string", v);
    return null;
  }

  private List<String> strings(Object v, String at) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> list)) {
      type(at, "an array of strings", v);
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String s) {
        out.add(s);
      } else {
        type(at + "[" + i + "]", "a string", list.get(i));
      }
    }
    return out;
  }

  private int integer(Object v, String at) {
    if (v instanceof Integer || v instanceof Long) {
      long n = ((Number) v).longValue();
      if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
        return (int) n;
      }
    }
    if (v != null) {
      type(at, "an integer", v);
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(Object v, String at) {
    if (v == null) {
      return null;
    }
    if (v instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    type(at, "an object", v);
    return null;
  }

  private void type(String at, String expected, Object got) {
    String what =
        got == null
            ? "null"
            : got instanceof String s
                ? "the string [" + s + "]"
                : got instanceof List
                    ? "an array"
                    : got instanceof Map ? "an object" : "[" + got + "]";
    problems.add(
        LoadDiagnostic.error("INVALID_TYPE", at, at + " must be " + expected + ", got " + what));
  }

  /**
   * Absent action and severity read as their defaults, so a definition read from a body equals the
   * one read back from its stored canonical form (which writes them).
   */
  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String lower(String s) {
    return s == null ? null : s.trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean close(String a, String b) {
    if (a.equalsIgnoreCase(b) || a.replace("_", "").equalsIgnoreCase(b.replace("_", ""))) {
      return true;
    }
    if (Math.abs(a.length() - b.length()) > 2) {
      return false;
    }
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()] <= 2;
  }
}
