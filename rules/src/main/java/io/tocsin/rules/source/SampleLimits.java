package io.tocsin.rules.source;

/** Bounds on sample scenarios, so a typo cannot make a test run forever. */
public final class SampleLimits {

  /** The largest {@code repeat} of a scenario (the engine's thresholds stop far below). */
  public static final int MAX_REPEAT = 10_000;

  private SampleLimits() {}
}
