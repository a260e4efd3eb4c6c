package io.tocsin.engine.correlation;

import io.tocsin.engine.policy.Correlation;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sequence}: per group, how far the steps have got. Step {@code i} advances a group waiting
 * for step {@code i} when its event time is not before the previous step's and within {@code
 * within} of step one; step one starts a group (or restarts one that has not got past it). A group
 * older than {@code within} is dropped. The caller offers an event's steps highest first, so one
 * event never both starts and advances the same sequence.
 */
public final class SequenceTracker implements Tracker {

  private static final long GROUP_OVERHEAD = 240;

  private final Correlation.Sequence spec;
  private final CorrelationMetrics metrics;
  private final GroupTable<Progress> groups;
  private final long within;
  private final UnorderedSteps unordered;

  public SequenceTracker(Correlation.Sequence spec, int maxGroups, CorrelationMetrics metrics) {
    this.spec = spec;
    this.metrics = metrics;
    this.groups = new GroupTable<>(maxGroups, metrics);
    this.within = spec.within().toMillis();
    this.unordered = spec.ordered() ? null : new UnorderedSteps(spec, maxGroups, metrics);
  }

  public int steps() {
    return spec.steps().size();
  }

  /** An event matched step {@code step}; returns the firing when it completes the sequence. */
  public Optional<Fired> offer(int step, Event event, long ts, long watermark) {
    if (unordered != null) {
      return unordered.offer(step, event, ts, watermark);
    }
    GroupKey key = GroupKey.of(spec.by(), event);
    Progress p = groups.get(key);
    if (p != null && ts - p.start > within) {
      groups.remove(key);
      metrics.expirations.incrementAndGet();
      p = null;
    }
    if (p != null && step == p.next && ts >= p.last) {
      p.next++;
      p.last = ts;
      p.events.add(event);
      if (p.next == steps()) {
        groups.remove(key);
        return Optional.of(
            new Fired(
                key,
                p.events,
                p.events.size(),
                p.start,
                ts,
                steps() + " steps in order within " + spec.within()));
      }
      return Optional.empty();
    }
    if (step == 0 && (p == null || p.next == 1)) {
      if (ts <= watermark - within) {
        metrics.lateDropped.incrementAndGet();
        return Optional.empty();
      }
      groups.put(key, new Progress(ts, event));
    }
    return Optional.empty();
  }

  @Override
  public void expire(long watermark) {
    if (unordered != null) {
      unordered.expire(watermark);
    }
    groups.expireIf(p -> p.start < watermark - within);
  }

  @Override
  public int groups() {
    return groups.size() + (unordered == null ? 0 : unordered.groups());
  }

  @Override
  public long estimatedBytes() {
    long bytes = unordered == null ? 0 : unordered.estimatedBytes();
    for (var e : groups.entries()) {
      bytes += GROUP_OVERHEAD + 8L * e.getValue().events.size();
    }
    return bytes;
  }

  private static final class Progress {
    private final long start;
    private long last;
    private int next = 1;
    private final List<Event> events = new ArrayList<>();

    Progress(long start, Event first) {
      this.start = start;
      this.last = start;
      events.add(first);
    }
  }
}
