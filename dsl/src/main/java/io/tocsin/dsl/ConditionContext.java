package io.tocsin.dsl;

import java.util.List;
import java.util.Map;

/**
 * The per-tenant names a condition may use: named lists (values as strings; the analyzer types them
 * against the field they are compared with) and macros (name → condition text).
 */
public record ConditionContext(Map<String, List<String>> lists, Map<String, String> macros) {

  public static final ConditionContext EMPTY = new ConditionContext(Map.of(), Map.of());

  public ConditionContext {
    Map<String, List<String>> copy = new java.util.HashMap<>();
    lists.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    lists = Map.copyOf(copy);
    macros = Map.copyOf(macros);
  }

  public static ConditionContext of(Map<String, List<String>> lists, Map<String, String> macros) {
    return new ConditionContext(lists, macros);
  }
}
