package io.tocsin.rules.samples;

import java.util.List;

/**
 * How one sample behaved.
 *
 * @param positive true for a sample that must fire the policy
 * @param index 0-based position in the policy's positive or negative list
 * @param events how many events were replayed (a threshold sample is repeated)
 * @param firedRules rule ids of the policy that fired
 * @param message why it failed; empty when it passed
 */
public record SampleResult(
    boolean positive,
    int index,
    int events,
    List<String> firedRules,
    boolean passed,
    String message) {

  public SampleResult {
    firedRules = List.copyOf(firedRules);
  }

  /** {@code positive[0]} or {@code negative[1]}. */
  public String label() {
    return (positive ? "positive" : "negative") + "[" + index + "]";
  }
}
