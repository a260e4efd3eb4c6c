package io.tocsin.engine.correlation;

import io.tocsin.engine.policy.Correlation;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code sequence} with {@code ordered: false}: per group, the newest event time of each step.
 * Fires when every step was seen within {@code within} of the newest one, in any order; the group
 * then starts over. A step seen longer than {@code within} before the newest event is forgotten.
 */
final class UnorderedSteps {

  private static final long GROUP_OVERHEAD = 240;

  private final Correlation.Sequence spec;
  private final CorrelationMetrics metrics;
  private final GroupTable<Seen> groups;
  private final long within;

  UnorderedSteps(Correlation.Sequence spec, int maxGroups, CorrelationMetrics metrics) {
    this.spec = spec;
    this.metrics = metrics;
    this.groups = new GroupTable<>(maxGroups, metrics);
    this.within = spec.within().toMillis();
  }

  Optional<Fired> offer(int step, Event event, long ts, long watermark) {
    if (ts <= watermark - within) {
      metrics.lateDropped.incrementAndGet();
      return Optional.empty();
    }
    GroupKey key = GroupKey.of(spec.by(), event);
    Seen g = groups.get(key);
    if (g == null) {
      g = new Seen(spec.steps().size());
      groups.put(key, g);
    }
    if (ts >= g.at[step]) {
      g.at[step] = ts;
      g.events[step] = event;
    }
    g.newest = Math.max(g.newest, ts);
    long horizon = g.newest - within;
    for (int i = 0; i < g.at.length; i++) {
      if (g.at[i] < horizon) {
        g.at[i] = Long.MIN_VALUE;
        g.events[i] = null;
      }
    }
    if (Arrays.stream(g.at).allMatch(t -> t != Long.MIN_VALUE)) {
      groups.remove(key);
      List<Event> events = new ArrayList<>(Arrays.asList(g.events));
      long first = Arrays.stream(g.at).min().orElse(ts);
      return Optional.of(
          new Fired(
              key,
              events,
              events.size(),
              first,
              g.newest,
              spec.steps().size() + " steps in any order within " + spec.within()));
    }
    return Optional.empty();
  }

  public void expire(long watermark) {
    groups.expireIf(g -> g.newest <= watermark - within);
  }

  public int groups() {
    return groups.size();
  }

  public long estimatedBytes() {
    return (long) groups.size() * (GROUP_OVERHEAD + 16L * spec.steps().size());
  }

  private static final class Seen {
    private final long[] at;
    private final Event[] events;
    private long newest = Long.MIN_VALUE;

    Seen(int steps) {
      at = new long[steps];
      Arrays.fill(at, Long.MIN_VALUE);
      events = new Event[steps];
    }
  }
}
