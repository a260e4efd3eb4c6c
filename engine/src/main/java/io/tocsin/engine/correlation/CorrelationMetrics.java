package io.tocsin.engine.correlation;

import java.util.concurrent.atomic.AtomicLong;

/** Counters shared by the trackers of one engine; read by any thread. */
public final class CorrelationMetrics {

  final AtomicLong evictions = new AtomicLong();
  final AtomicLong expirations = new AtomicLong();
  final AtomicLong lateDropped = new AtomicLong();

  /** Groups evicted because a rule reached its group bound (least recently used first). */
  public long evictions() {
    return evictions.get();
  }

  /** Groups removed because their window passed. */
  public long expirations() {
    return expirations.get();
  }

  /** Events too late to enter any window (event time before the watermark minus the window). */
  public long lateDropped() {
    return lateDropped.get();
  }
}
