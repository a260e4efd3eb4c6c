package io.tocsin.rules;

import io.tocsin.engine.policy.AbsenceSpec;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.engine.policy.SequenceSpec;
import io.tocsin.engine.policy.SuppressSpec;
import io.tocsin.engine.policy.ThresholdSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a policy from its JSON/YAML tree (DESIGN §5 member names) into the engine's model. Shape
 * errors (a string where a list belongs) throw {@link IllegalArgumentException} naming the member;
 * semantic checks are the engine loader's job.
 */
public final class PolicyMaps {

  private PolicyMaps() {}

  public static PolicyDefinition policy(Map<String, ?> tree) {
    List<RuleDefinition> rules = new ArrayList<>();
    List<Map<String, ?>> ruleTrees = maps(tree.get("rules"), "rules");
    for (int i = 0; i < ruleTrees.size(); i++) {
      rules.add(rule(ruleTrees.get(i), "rules[" + i + "]"));
    }
    Object enabled = tree.get("enabled");
    return new PolicyDefinition(
        text(tree.get("id")),
        text(tree.get("name")),
        text(tree.get("description")),
        enabled == null || Boolean.parseBoolean(enabled.toString()),
        strings(tree.get("tags"), "tags"),
        rules);
  }

  static RuleDefinition rule(Map<String, ?> r, String at) {
    Map<String, ?> threshold = map(r.get("threshold"), at + ".threshold");
    Map<String, ?> sequence = map(r.get("sequence"), at + ".sequence");
    Map<String, ?> absence = map(r.get("absence"), at + ".absence");
    Map<String, ?> suppress = map(r.get("suppress"), at + ".suppress");
    return new RuleDefinition(
        text(r.get("id")),
        text(r.get("condition")),
        text(r.get("action")),
        text(r.get("severity")),
        parameters(r.get("parameters"), at + ".parameters"),
        threshold == null
            ? null
            : new ThresholdSpec(
                integer(threshold.get("count"), at + ".threshold.count"),
                text(threshold.get("within")),
                strings(threshold.get("group_by"), at + ".threshold.group_by"),
                text(threshold.get("distinct"))),
        sequence == null
            ? null
            : new SequenceSpec(
                strings(sequence.get("by"), at + ".sequence.by"),
                text(sequence.get("within")),
                strings(sequence.get("steps"), at + ".sequence.steps"),
                sequence.get("ordered") == null
                    ? null
                    : Boolean.valueOf(sequence.get("ordered").toString())),
        absence == null
            ? null
            : new AbsenceSpec(
                text(absence.get("expect")),
                text(absence.get("within")),
                strings(absence.get("by"), at + ".absence.by")),
        suppress == null
            ? null
            : new SuppressSpec(
                text(suppress.get("for")),
                strings(suppress.get("group_by"), at + ".suppress.group_by")),
        strings(r.get("exceptions"), at + ".exceptions"));
  }

  private static Map<String, Object> parameters(Object value, String at) {
    Map<String, ?> tree = map(value, at);
    return tree == null ? Map.of() : Map.copyOf(tree);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static int integer(Object value, String at) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalArgumentException(at + ": expected an integer");
  }

  private static List<String> strings(Object value, String at) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(at + ": expected a list of strings");
    }
    return list.stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object value, String at) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(at + ": expected an object");
    }
    return (Map<String, ?>) m;
  }

  private static List<Map<String, ?>> maps(Object value, String at) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(at + ": expected a list of objects");
    }
    List<Map<String, ?>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(map(list.get(i), at + "[" + i + "]"));
    }
    return out;
  }
}
