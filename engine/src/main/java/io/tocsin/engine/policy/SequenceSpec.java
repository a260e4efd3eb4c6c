package io.tocsin.engine.policy;

import java.util.List;

/**
 * {@code sequence: {by, within, steps}}: fire when events matching {@code steps[0]}, {@code
 * steps[1]}, ... occur in event-time order, with equal {@code by} values, within {@code within} of
 * the first step.
 */
public record SequenceSpec(List<String> by, String within, List<String> steps) {
  public SequenceSpec {
    by = by == null ? List.of() : List.copyOf(by);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }
}
