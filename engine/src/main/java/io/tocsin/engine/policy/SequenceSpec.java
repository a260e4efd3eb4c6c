package io.tocsin.engine.policy;

import java.util.List;

/**
 * {@code sequence: {by, within, steps, ordered}}: fire when events matching {@code steps[0]},
 * {@code steps[1]}, ... occur in event-time order, with equal {@code by} values, within {@code
 * within} of the first step. With {@code ordered: false} the steps may occur in any order, all
 * within {@code within} of each other.
 *
 * @param ordered null or true for in-order steps
 */
public record SequenceSpec(List<String> by, String within, List<String> steps, Boolean ordered) {
  public SequenceSpec {
    by = by == null ? List.of() : List.copyOf(by);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  public SequenceSpec(List<String> by, String within, List<String> steps) {
    this(by, within, steps, null);
  }

  public boolean inOrder() {
    return ordered == null || ordered;
  }
}
