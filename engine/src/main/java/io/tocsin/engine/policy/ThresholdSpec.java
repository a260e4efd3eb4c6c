package io.tocsin.engine.policy;

import java.util.List;

/**
 * {@code threshold: {count, within, group_by, distinct}}: fire when {@code count} matching events
 * with the same {@code group_by} values fall within {@code within} of event time; with {@code
 * distinct}, when {@code count} different values of that field do.
 *
 * @param within a duration such as {@code 1m}
 * @param distinct a field whose distinct values are counted instead of events, or null
 */
public record ThresholdSpec(int count, String within, List<String> groupBy, String distinct) {
  public ThresholdSpec {
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
  }

  public ThresholdSpec(int count, String within, List<String> groupBy) {
    this(count, within, groupBy, null);
  }
}
