package io.tocsin.engine.correlation;

import io.tocsin.engine.policy.Correlation;
import io.tocsin.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code threshold}: per group, the event times of the newest {@code count} matches (sorted, so
 * out-of-order events land where they belong). Fires when {@code count} matches span at most {@code
 * within}; the group then starts over. An event older than {@code watermark - within} can no longer
 * share a window with anything to come and is dropped (counted as late).
 */
public final class ThresholdTracker implements Tracker {

  private static final long GROUP_OVERHEAD = 200;

  /** A mark (time and id) plus its id in the set. */
  private static final long ENTRY_BYTES = 96;

  private final Correlation.Threshold spec;
  private final int maxEvents;
  private final CorrelationMetrics metrics;
  private final GroupTable<Group> groups;
  private final long within;
  private final DistinctCounter distinct;

  public ThresholdTracker(
      Correlation.Threshold spec, int maxGroups, int maxEvents, CorrelationMetrics metrics) {
    this.spec = spec;
    this.maxEvents = maxEvents;
    this.metrics = metrics;
    this.groups = new GroupTable<>(maxGroups, metrics);
    this.within = spec.within().toMillis();
    this.distinct =
        spec.distinct() == null ? null : new DistinctCounter(spec, maxGroups, maxEvents, metrics);
  }

  /** Counts one match; returns the firing when the threshold is reached. */
  public Optional<Fired> offer(Event event, long ts, long watermark) {
    if (distinct != null) {
      return distinct.offer(event, ts, watermark);
    }
    if (ts <= watermark - within) {
      metrics.lateDropped.incrementAndGet();
      return Optional.empty();
    }
    GroupKey key = GroupKey.of(spec.groupBy(), event);
    Group g = groups.get(key);
    if (g == null) {
      g = new Group();
      groups.put(key, g);
    }
    g.add(ts, event, spec.count(), maxEvents);
    if (g.times.size() >= spec.count() && g.last() - g.first() <= within) {
      Fired fired =
          new Fired(
              key,
              new ArrayList<>(g.events),
              spec.count(),
              g.first(),
              g.last(),
              spec.count() + " events within " + spec.within());
      groups.remove(key);
      return Optional.of(fired);
    }
    return Optional.empty();
  }

  @Override
  public void expire(long watermark) {
    if (distinct != null) {
      distinct.expire(watermark);
    }
    groups.expireIf(g -> g.last() <= watermark - within);
  }

  @Override
  public int groups() {
    return groups.size() + (distinct == null ? 0 : distinct.groups());
  }

  @Override
  public long estimatedBytes() {
    long bytes = distinct == null ? 0 : distinct.estimatedBytes();
    for (var e : groups.entries()) {
      bytes +=
          GROUP_OVERHEAD
              + ENTRY_BYTES * e.getValue().times.size()
              + 8L * e.getValue().events.size();
    }
    return bytes;
  }

  /**
   * Sorted event times with their event ids (at most {@code count}) and the newest few events. An
   * event whose id is already in the window is not counted again: after a crash or a failed alert
   * write the ingest sweeper re-runs a batch the engine may already have seen.
   */
  private static final class Group {
    private final ArrayDeque<Mark> times = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();
    private final ArrayDeque<Event> events = new ArrayDeque<>();

    long first() {
      return times.peekFirst().ts();
    }

    long last() {
      return times.peekLast().ts();
    }

    void add(long ts, Event event, int count, int maxEvents) {
      String id = event.id();
      if (id != null && !ids.add(id)) {
        return;
      }
      Mark mark = new Mark(ts, id);
      if (times.isEmpty() || ts >= last()) {
        times.addLast(mark);
      } else {
        List<Mark> tail = new ArrayList<>();
        while (!times.isEmpty() && last() > ts) {
          tail.add(times.pollLast());
        }
        times.addLast(mark);
        for (int i = tail.size() - 1; i >= 0; i--) {
          times.addLast(tail.get(i));
        }
      }
      while (times.size() > count) {
        Mark dropped = times.pollFirst();
        if (dropped.id() != null) {
          ids.remove(dropped.id());
        }
      }
      events.addLast(event);
      while (events.size() > maxEvents) {
        events.pollFirst();
      }
    }
  }

  private record Mark(long ts, String id) {}
}
