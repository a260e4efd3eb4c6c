package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code detection} as one condition: each search identifier compiled (a map: all items; a
 * list of maps: any map; a list of values: keywords), then the {@code condition} over them, and the
 * logsource's own conditions from the mapping files ANDed in front.
 */
final class DetectionCompiler {

  private DetectionCompiler() {}

  static String compile(
      Object detection,
      FieldMappings.Resolved mapping,
      Placeholders placeholders,
      FieldCondition.Unmapped unmapped) {
    if (!(detection instanceof Map<?, ?> d)) {
      throw new SigmaRejection("[detection] must be a map");
    }
    FieldCondition items = new FieldCondition(mapping, placeholders, unmapped);
    Map<String, String> identifiers = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    Object condition = null;
    for (Map.Entry<?, ?> e : d.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (name.equals("condition")) {
        condition = e.getValue();
      } else if (name.equals("timeframe")) {
        reasons.add(
            "[detection.timeframe] belongs to the old aggregations; write a correlation rule");
      } else {
        try {
          identifiers.put(name, identifier(name, e.getValue(), items));
        } catch (SigmaRejection r) {
          r.reasons().forEach(why -> reasons.add("[" + name + "]: " + why));
          identifiers.put(name, "true"); // so the condition is still checked
        }
      }
    }
    if (condition == null) {
      reasons.add("[detection.condition] is missing");
      throw new SigmaRejection(reasons);
    }
    String compiled = null;
    try {
      if (condition instanceof List<?> list) {
        List<String> alternatives = new ArrayList<>();
        for (Object c : list) {
          alternatives.add(ConditionParser.parse(String.valueOf(c), identifiers));
        }
        compiled = Dsl.or(alternatives);
      } else {
        compiled = ConditionParser.parse(String.valueOf(condition), identifiers);
      }
    } catch (SigmaRejection r) {
      reasons.addAll(r.reasons());
    }
    if (!reasons.isEmpty()) {
      throw new SigmaRejection(reasons);
    }
    List<String> all = new ArrayList<>(mapping.conditions());
    all.add(compiled);
    return Dsl.and(all);
  }

  private static String identifier(String name, Object value, FieldCondition items) {
    if (value instanceof Map<?, ?> map) {
      return selection(name, map, items);
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        throw new SigmaRejection("search identifier [" + name + "] is empty");
      }
      if (list.stream().allMatch(v -> v instanceof Map)) {
        List<String> alternatives = new ArrayList<>();
        for (Object m : list) {
          alternatives.add(selection(name, (Map<?, ?>) m, items));
        }
        return Dsl.or(alternatives);
      }
      if (list.stream().noneMatch(v -> v instanceof Map || v instanceof List)) {
        return items.keywords(new ArrayList<>(list), Modifiers.parse(List.of()));
      }
      throw new SigmaRejection("search identifier [" + name + "] mixes maps and values");
    }
    if (value instanceof String || value instanceof Number) {
      return items.keywords(new ArrayList<>(List.of(value)), Modifiers.parse(List.of()));
    }
    throw new SigmaRejection("search identifier [" + name + "] must be a map or a list");
  }

  private static String selection(String name, Map<?, ?> map, FieldCondition items) {
    if (map.isEmpty()) {
      throw new SigmaRejection("search identifier [" + name + "] is empty");
    }
    List<String> terms = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      terms.add(items.item(String.valueOf(e.getKey()), e.getValue()));
    }
    return Dsl.and(terms);
  }
}
