package io.tocsin.engine.correlation;

import io.tocsin.engine.policy.Correlation;
import io.tocsin.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code threshold} with {@code distinct}: per group, the newest event time of each distinct value
 * of the field. Fires when {@code count} values were seen within {@code within} of the newest
 * event; the group then starts over. Events without the field are not counted.
 */
final class DistinctCounter {

  private static final long GROUP_OVERHEAD = 200;
  private static final long VALUE_BYTES = 120;

  private final Correlation.Threshold spec;
  private final int maxEvents;
  private final CorrelationMetrics metrics;
  private final GroupTable<Values> groups;
  private final long within;

  DistinctCounter(
      Correlation.Threshold spec, int maxGroups, int maxEvents, CorrelationMetrics metrics) {
    this.spec = spec;
    this.maxEvents = maxEvents;
    this.metrics = metrics;
    this.groups = new GroupTable<>(maxGroups, metrics);
    this.within = spec.within().toMillis();
  }

  Optional<Fired> offer(Event event, long ts, long watermark) {
    if (ts <= watermark - within) {
      metrics.lateDropped.incrementAndGet();
      return Optional.empty();
    }
    Object value = event.get(spec.distinct());
    if (value == null) {
      return Optional.empty();
    }
    GroupKey key = GroupKey.of(spec.groupBy(), event);
    Values g = groups.get(key);
    if (g == null) {
      g = new Values();
      groups.put(key, g);
    }
    g.latest.merge(String.valueOf(value), ts, Math::max);
    g.newest = Math.max(g.newest, ts);
    long horizon = g.newest - within;
    g.latest.values().removeIf(t -> t < horizon);
    g.events.addLast(event);
    while (g.events.size() > maxEvents) {
      g.events.pollFirst();
    }
    if (g.latest.size() >= spec.count()) {
      long first = g.latest.values().stream().mapToLong(Long::longValue).min().orElse(ts);
      groups.remove(key);
      return Optional.of(
          new Fired(
              key,
              new ArrayList<>(g.events),
              g.latest.size(),
              first,
              g.newest,
              spec.count() + " distinct " + spec.distinct() + " within " + spec.within()));
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
    long bytes = 0;
    for (var e : groups.entries()) {
      bytes +=
          GROUP_OVERHEAD
              + VALUE_BYTES * e.getValue().latest.size()
              + 8L * e.getValue().events.size();
    }
    return bytes;
  }

  private static final class Values {
    private final Map<String, Long> latest = new HashMap<>();
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private long newest = Long.MIN_VALUE;
  }
}
