package io.tocsin.engine.policy;

import java.util.List;

/**
 * {@code threshold: {count, within, group_by}}: fire when {@code count} matching events with the
 * same {@code group_by} values fall within {@code within} of event time.
 *
 * @param within a duration such as {@code 1m}
 */
public record ThresholdSpec(int count, String within, List<String> groupBy) {
  public ThresholdSpec {
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
  }
}
