package io.tocsin.engine.correlation;

import io.tocsin.engine.policy.Correlation;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Absence, "A not followed by B within T": a trigger (A) opens a timer per group, due at {@code
 * A.ts + within}; an expected event (B) of the same group with {@code ts >= A.ts} cancels it; when
 * the watermark (event time, or the clock through {@code advanceTo}) passes the deadline the timer
 * fires. A trigger whose deadline has already passed when it arrives is dropped as late (B may have
 * been seen before it and is not remembered). While a timer is open, further triggers of the group
 * are folded into it.
 */
public final class AbsenceTracker implements Tracker {

  private static final long GROUP_OVERHEAD = 200;

  private final Correlation.Absence spec;
  private final CorrelationMetrics metrics;
  private final GroupTable<Timer> timers;
  private final long within;
  private long nextDeadline = Long.MAX_VALUE;

  public AbsenceTracker(Correlation.Absence spec, int maxGroups, CorrelationMetrics metrics) {
    this.spec = spec;
    this.metrics = metrics;
    this.timers = new GroupTable<>(maxGroups, metrics);
    this.within = spec.within().toMillis();
  }

  /** A trigger (A) matched. */
  public void trigger(Event event, long ts, long watermark) {
    long deadline = ts + within;
    if (deadline < watermark) {
      metrics.lateDropped.incrementAndGet();
      return;
    }
    GroupKey key = GroupKey.of(spec.by(), event);
    Timer t = timers.get(key);
    if (t != null) {
      t.count++;
      return;
    }
    timers.put(key, new Timer(ts, deadline, event));
    nextDeadline = Math.min(nextDeadline, deadline);
  }

  /** An expected event (B) matched: cancels its group's open timer. */
  public void expected(Event event, long ts) {
    GroupKey key = GroupKey.of(spec.by(), event);
    Timer t = timers.get(key);
    if (t != null && ts >= t.start && ts <= t.deadline) {
      timers.remove(key);
    }
  }

  /** Fires and removes every timer whose deadline is before {@code watermark}. */
  public List<Fired> due(long watermark) {
    if (watermark <= nextDeadline) {
      return List.of();
    }
    List<Fired> fired = new ArrayList<>();
    long next = Long.MAX_VALUE;
    var it = timers.entries().iterator();
    while (it.hasNext()) {
      Map.Entry<GroupKey, Timer> e = it.next();
      Timer t = e.getValue();
      if (t.deadline < watermark) {
        fired.add(
            new Fired(
                e.getKey(),
                List.of(t.trigger),
                t.count,
                t.start,
                t.deadline,
                "no matching event within " + spec.within()));
        it.remove();
      } else {
        next = Math.min(next, t.deadline);
      }
    }
    nextDeadline = next;
    return fired;
  }

  @Override
  public void expire(long watermark) {
    // Timers end by firing (due) or by being cancelled; nothing expires silently.
  }

  @Override
  public int groups() {
    return timers.size();
  }

  @Override
  public long estimatedBytes() {
    return GROUP_OVERHEAD * timers.size();
  }

  private static final class Timer {
    private final long start;
    private final long deadline;
    private final Event trigger;
    private long count = 1;

    Timer(long start, long deadline, Event trigger) {
      this.start = start;
      this.deadline = deadline;
      this.trigger = trigger;
    }
  }
}
