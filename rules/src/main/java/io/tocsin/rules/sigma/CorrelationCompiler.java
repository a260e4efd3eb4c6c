package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sigma correlation rule as one Tocsin correlation rule: {@code event_count} becomes a threshold,
 * {@code temporal_ordered} a sequence, {@code value_count} a threshold counting distinct values and
 * {@code temporal} an unordered sequence. Group-by fields (and {@code aliases}) are mapped with
 * each referenced rule's logsource mapping; they must land on one canonical field.
 */
final class CorrelationCompiler {

  private static final java.util.Set<String> SUPPORTED =
      java.util.Set.of("event_count", "value_count", "temporal", "temporal_ordered");

  private static final Pattern TIMESPAN = Pattern.compile("([0-9]{1,9})([smhd])");

  /** A converted base rule a correlation can refer to. */
  record Base(SigmaRule rule, String condition, FieldMappings.Resolved mapping) {}

  /** The correlation's Tocsin rule member and which base rules it used. */
  record Compiled(Map<String, Object> rule, List<Base> bases, boolean generate) {}

  private CorrelationCompiler() {}

  static Compiled compile(Map<?, ?> corr, Map<String, Base> byRef, Map<String, String> rejected) {
    String type = SigmaRule.text(corr.get("type"));
    if (type == null) {
      throw new SigmaRejection("[correlation.type] is missing");
    }
    List<Base> bases = new ArrayList<>();
    for (Object ref : list(corr.get("rules"), "correlation.rules")) {
      String r = String.valueOf(ref);
      Base base = byRef.get(r);
      if (base == null) {
        String why = rejected.get(r);
        throw new SigmaRejection(
            why != null
                ? "referenced rule [" + r + "] was rejected: " + why
                : "referenced rule [" + r + "] is not in this import (by name or id)");
      }
      bases.add(base);
    }
    if (bases.isEmpty()) {
      throw new SigmaRejection("[correlation.rules] is empty");
    }
    List<String> groupBy = groupBy(corr, bases);
    String within = timespan(corr.get("timespan"));
    boolean generate = Boolean.TRUE.equals(corr.get("generate"));
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", "sigma_correlation");
    Map<?, ?> condition = corr.get("condition") instanceof Map<?, ?> m ? m : Map.of();
    if (!SUPPORTED.contains(type.toLowerCase(Locale.ROOT))) {
      throw new SigmaRejection("correlation type [" + type + "] is not supported");
    }
    switch (type.toLowerCase(Locale.ROOT)) {
      case "event_count" -> {
        rule.put("condition", Dsl.or(bases.stream().map(Base::condition).toList()));
        rule.put("threshold", threshold(count(condition), within, groupBy, null));
      }
      case "value_count" -> {
        Object field = condition.get("field");
        if (field == null) {
          throw new SigmaRejection("value_count needs [correlation.condition.field]");
        }
        String distinct = mapped(String.valueOf(field), bases, corr);
        rule.put("condition", Dsl.or(bases.stream().map(Base::condition).toList()));
        rule.put("threshold", threshold(count(condition), within, groupBy, distinct));
      }
      case "temporal", "temporal_ordered" -> {
        if (bases.size() < 2) {
          throw new SigmaRejection(type + " needs at least two rules");
        }
        if (!condition.isEmpty()) {
          throw new SigmaRejection(
              type + " with a [condition] (fewer than all rules) has no exact Tocsin form");
        }
        Map<String, Object> sequence = new LinkedHashMap<>();
        sequence.put("by", groupBy);
        sequence.put("within", within);
        sequence.put("steps", bases.stream().map(Base::condition).toList());
        if (type.equalsIgnoreCase("temporal")) {
          sequence.put("ordered", false);
        }
        rule.put("sequence", sequence);
      }
      default -> throw new SigmaRejection("correlation type [" + type + "] is not supported");
    }
    return new Compiled(rule, bases, generate);
  }

  private static Map<String, Object> threshold(
      int count, String within, List<String> groupBy, String distinct) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("count", count);
    t.put("within", within);
    t.put("group_by", groupBy);
    if (distinct != null) {
      t.put("distinct", distinct);
    }
    return t;
  }

  /** Tocsin's threshold fires when the count is reached: only gte and gt have that meaning. */
  private static int count(Map<?, ?> condition) {
    if (condition.size() != 1 && !(condition.size() == 2 && condition.containsKey("field"))) {
      throw new SigmaRejection(
          "[correlation.condition] must be one of gte or gt (a range has no exact Tocsin form)");
    }
    for (Map.Entry<?, ?> e : condition.entrySet()) {
      String op = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
      if (op.equals("field")) {
        continue;
      }
      if (!(e.getValue() instanceof Number n) || n.longValue() < 0 || n.longValue() > 100_000) {
        throw new SigmaRejection("[correlation.condition." + op + "] must be a count");
      }
      return switch (op) {
        case "gte" -> Math.max(1, n.intValue());
        case "gt" -> n.intValue() + 1;
        default ->
            throw new SigmaRejection(
                "[correlation.condition] "
                    + op
                    + " fires on too few events, which Tocsin's threshold cannot express");
      };
    }
    throw new SigmaRejection("[correlation.condition] needs gte or gt");
  }

  private static List<String> groupBy(Map<?, ?> corr, List<Base> bases) {
    List<String> out = new ArrayList<>();
    for (Object g :
        corr.get("group-by") == null ? List.of() : list(corr.get("group-by"), "group-by")) {
      out.add(mapped(String.valueOf(g), bases, corr));
    }
    return out;
  }

  /** The canonical field of a group-by or value field, the same for every referenced rule. */
  private static String mapped(String name, List<Base> bases, Map<?, ?> corr) {
    Map<?, ?> aliases = corr.get("aliases") instanceof Map<?, ?> a ? a : Map.of();
    Map<?, ?> alias = aliases.get(name) instanceof Map<?, ?> m ? m : null;
    String canonical = null;
    for (Base b : bases) {
      String field = name;
      if (alias != null) {
        Object f = alias.get(b.rule().name());
        f = f == null ? alias.get(b.rule().id()) : f;
        if (f == null) {
          throw new SigmaRejection("alias [" + name + "] names no field for a referenced rule");
        }
        field = String.valueOf(f);
      }
      String c = b.mapping().field(field);
      if (canonical != null && !canonical.equals(c)) {
        throw new SigmaRejection(
            "["
                + name
                + "] maps to ["
                + canonical
                + "] and ["
                + c
                + "]: Tocsin groups by one field");
      }
      canonical = c;
    }
    return canonical;
  }

  private static String timespan(Object value) {
    if (value == null) {
      throw new SigmaRejection("[correlation.timespan] is missing");
    }
    Matcher m = TIMESPAN.matcher(String.valueOf(value).strip());
    if (!m.matches()) {
      throw new SigmaRejection(
          "[correlation.timespan] [" + value + "] must be a number and s, m, h or d");
    }
    return m.group(1) + m.group(2);
  }

  private static List<?> list(Object value, String at) {
    if (value instanceof List<?> l) {
      return l;
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    throw new SigmaRejection("[" + at + "] must be a list");
  }
}
