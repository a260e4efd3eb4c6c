package io.tocsin.engine.policy;

import java.util.List;

/**
 * {@code absence: {expect, within, by}}: the rule's condition is the trigger A; fire when no event
 * matching {@code expect} (B) with equal {@code by} values follows A within {@code within} of event
 * time ("A not followed by B within T").
 */
public record AbsenceSpec(String expect, String within, List<String> by) {
  public AbsenceSpec {
    by = by == null ? List.of() : List.copyOf(by);
  }
}
