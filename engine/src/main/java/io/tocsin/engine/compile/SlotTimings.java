package io.tocsin.engine.compile;

import io.tocsin.model.Event;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * Estimated time spent in each slot's non-indexed checks (the interpreter predicates that Drools
 * runs for constraints it cannot hash), for the "slowest rules" metric. One evaluation in {@link
 * #SAMPLE_EVERY} is timed and counted {@code SAMPLE_EVERY} times, so the overhead stays a few
 * percent. A check shared by several rules (same canonical constraint) is charged to the rule that
 * compiled it first.
 */
public final class SlotTimings {

  /** Power of two: one evaluation in this many is timed. */
  static final int SAMPLE_EVERY = 16;

  private final AtomicLongArray nanos;

  SlotTimings(int slots) {
    this.nanos = new AtomicLongArray(slots);
  }

  /** Estimated nanoseconds spent in the checks of {@code slot} so far. */
  public long nanos(int slot) {
    return nanos.get(slot);
  }

  public int slots() {
    return nanos.length();
  }

  /** {@code test}, timed for {@code slot}. */
  Predicate<Event> timed(int slot, Predicate<Event> test) {
    return new Timed(slot, test);
  }

  private final class Timed implements Predicate<Event> {
    private final int slot;
    private final Predicate<Event> test;
    private int calls; // racy on purpose: only picks which evaluations are sampled

    Timed(int slot, Predicate<Event> test) {
      this.slot = slot;
      this.test = test;
    }

    @Override
    public boolean test(Event event) {
      if ((++calls & (SAMPLE_EVERY - 1)) != 0) {
        return test.test(event);
      }
      long start = System.nanoTime();
      try {
        return test.test(event);
      } finally {
        nanos.addAndGet(slot, (System.nanoTime() - start) * SAMPLE_EVERY);
      }
    }
  }
}
