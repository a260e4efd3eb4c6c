package io.tocsin.engine.runtime;

import java.util.concurrent.atomic.AtomicLong;

/** Plain counters of one pipeline; written under the engine lock, read by any thread. */
public final class Counters {
  final AtomicLong events = new AtomicLong();
  final AtomicLong lateEvents = new AtomicLong();
  final AtomicLong matches = new AtomicLong();
  final AtomicLong vetoed = new AtomicLong();
  final AtomicLong detections = new AtomicLong();
  final AtomicLong updates = new AtomicLong();

  public long events() {
    return events.get();
  }

  /** Events whose time was before the watermark when they arrived (still evaluated). */
  public long lateEvents() {
    return lateEvents.get();
  }

  public long matches() {
    return matches.get();
  }

  /** Matches vetoed by an exception. */
  public long vetoed() {
    return vetoed.get();
  }

  public long detections() {
    return detections.get();
  }

  public long updates() {
    return updates.get();
  }
}
