package io.tocsin.engine.policy;

import java.util.List;

/**
 * {@code suppress: {for, group_by}}: one detection per rule and group key per period; later matches
 * in the period are counted into the open detection.
 *
 * @param forPeriod the JSON member {@code for}, a duration such as {@code 10m}
 */
public record SuppressSpec(String forPeriod, List<String> groupBy) {
  public SuppressSpec {
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
  }
}
