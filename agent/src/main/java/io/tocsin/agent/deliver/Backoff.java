package io.tocsin.agent.deliver;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: attempt {@code n} (0-based) waits a random time in {@code
 * [d/2, d]} where {@code d = min(cap, base * 2^n)}, so retries spread out but never exceed the cap.
 */
public final class Backoff {

  private final Duration base;
  private final Duration cap;
  private final DoubleSupplier random;

  /** {@code random} yields values in {@code [0, 1)}. */
  public Backoff(Duration base, Duration cap, DoubleSupplier random) {
    this.base = base;
    this.cap = cap.compareTo(base) < 0 ? base : cap;
    this.random = random;
  }

  public Duration delay(int attempt) {
    long baseMs = Math.max(1, base.toMillis());
    long capMs = cap.toMillis();
    long exp = attempt >= 40 ? capMs : Math.min(capMs, baseMs << Math.max(0, attempt));
    long jittered = exp / 2 + Math.round(random.getAsDouble() * (exp - exp / 2));
    return Duration.ofMillis(Math.min(capMs, jittered));
  }

  public Duration cap() {
    return cap;
  }
}
