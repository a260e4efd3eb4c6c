package io.tocsin.engine.runtime;

import io.tocsin.engine.Detection;
import io.tocsin.engine.EngineConfig;
import io.tocsin.engine.compile.MatchSink;
import io.tocsin.engine.correlation.AbsenceTracker;
import io.tocsin.engine.correlation.CorrelationState;
import io.tocsin.engine.correlation.Fired;
import io.tocsin.engine.correlation.SequenceTracker;
import io.tocsin.engine.correlation.ThresholdTracker;
import io.tocsin.engine.correlation.Tracker;
import io.tocsin.engine.policy.ValidatedRule;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns event batches into detections: Drools matching, then, in event-time order, exceptions,
 * correlation and suppression. Holds the current generation's session and all state that outlives a
 * generation (correlation, suppression, watermark). Not thread-safe: the engine serializes calls.
 */
public final class Pipeline implements AutoCloseable {

  private static final long SWEEP_INTERVAL_MILLIS = 60_000;

  private final String tenantId;
  private final Clock clock;
  private final CorrelationState correlation;
  private final Suppressor suppressor;
  private final Counters counters = new Counters();
  private Generation generation;
  private MatchingSession session;
  private long watermark = Long.MIN_VALUE;
  private long lastSweep = Long.MIN_VALUE;

  public Pipeline(String tenantId, EngineConfig config, Clock clock) {
    this.tenantId = tenantId;
    this.clock = clock;
    this.correlation =
        new CorrelationState(config.maxGroupsPerRule(), config.maxEventsPerDetection());
    this.suppressor =
        new Suppressor(config.maxSuppressionKeysPerRule(), config.maxEventsPerDetection());
  }

  /** Swaps in a new generation; state of rules it still has (same fingerprint / key) is kept. */
  public void install(Generation next) {
    MatchingSession fresh = new MatchingSession(next.matchers(), Math.max(0, watermark));
    if (session != null) {
      session.close();
    }
    session = fresh;
    generation = next;
    List<ValidatedRule> rules = next.policySet().rules();
    correlation.retainOnly(rules);
    suppressor.retainOnly(rules.stream().map(ValidatedRule::key).collect(Collectors.toSet()));
  }

  public Generation generation() {
    return generation;
  }

  public List<Detection> evaluate(List<Event> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    counters.events.addAndGet(batch.size());
    long[] ts = new long[batch.size()];
    List<Event> events = inTimeOrder(batch, ts);
    long batchMax = ts[ts.length - 1];
    for (long t : ts) {
      if (t < watermark) {
        counters.lateEvents.incrementAndGet();
      }
    }
    List<Detection> out = new ArrayList<>();
    if (generation != null) {
      session.advanceClock(Math.max(watermark, batchMax));
      MatchSink sink = session.match(events);
      process(sink, events, ts, out);
    }
    watermark = Math.max(watermark, batchMax);
    finish(out);
    return out;
  }

  /** Moves event time forward without events: fires absence timers that are due. */
  public List<Detection> advanceTo(Instant time) {
    watermark = Math.max(watermark, time.toEpochMilli());
    List<Detection> out = new ArrayList<>();
    if (session != null) {
      session.advanceClock(watermark);
    }
    finish(out);
    return out;
  }

  private void process(MatchSink sink, List<Event> events, long[] ts, List<Detection> out) {
    int n = sink.count();
    if (n == 0) {
      return;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) sink.seq(i) << 32) | sink.slot(i);
    }
    Arrays.sort(keys);
    long running = watermark;
    int runningSeq = -1;
    long previous = -1;
    for (long key : keys) {
      if (key == previous) {
        continue; // the same condition matched through two branches
      }
      previous = key;
      int seq = (int) (key >>> 32);
      int slot = (int) key;
      while (runningSeq < seq) {
        running = Math.max(running, ts[++runningSeq]);
      }
      counters.matches.incrementAndGet();
      handle(slot, events.get(seq), ts[seq], running, out);
    }
  }

  private void handle(int slot, Event event, long ts, long running, List<Detection> out) {
    RuleRuntime rr = generation.rule(slot);
    Role role = generation.role(slot);
    if (role != Role.EXPECT && rr.vetoed(event)) {
      counters.vetoed.incrementAndGet();
      return;
    }
    ValidatedRule rule = rr.rule();
    Tracker tracker = correlation.trackerFor(rule);
    if (tracker == null) {
      emit(rule, Detections.single(tenantId, rule, event, ts), event, out);
    } else if (tracker instanceof ThresholdTracker t) {
      t.offer(event, ts, running).ifPresent(f -> emit(rule, f, out));
    } else if (tracker instanceof SequenceTracker s) {
      s.offer(generation.step(slot), event, ts, running).ifPresent(f -> emit(rule, f, out));
    } else if (tracker instanceof AbsenceTracker a) {
      if (role == Role.EXPECT) {
        a.expected(event, ts);
      } else {
        a.trigger(event, ts, running);
      }
    }
  }

  private void finish(List<Detection> out) {
    if (generation != null) {
      for (RuleRuntime rr : generation.absenceRules()) {
        if (correlation.trackerFor(rr.rule()) instanceof AbsenceTracker a) {
          for (Fired f : a.due(watermark)) {
            emit(rr.rule(), f, out);
          }
        }
      }
    }
    if (lastSweep == Long.MIN_VALUE || watermark - lastSweep >= SWEEP_INTERVAL_MILLIS) {
      correlation.expire(watermark);
      suppressor.expire(watermark);
      lastSweep = watermark;
    }
    List<Detection> updates = suppressor.flush();
    counters.updates.addAndGet(updates.size());
    out.addAll(updates);
  }

  private void emit(ValidatedRule rule, Fired fired, List<Detection> out) {
    List<Event> events = fired.events();
    emit(rule, Detections.fired(tenantId, rule, fired), events.get(events.size() - 1), out);
  }

  private void emit(ValidatedRule rule, Detection candidate, Event last, List<Detection> out) {
    Optional<Detection> d =
        rule.suppression().isEmpty()
            ? Optional.of(candidate)
            : Optional.ofNullable(
                suppressor.offer(rule.key(), rule.suppression().get(), candidate, last));
    d.ifPresent(
        x -> {
          counters.detections.incrementAndGet();
          out.add(x);
        });
  }

  /** The batch sorted by event time (stable); {@code ts} receives the times. */
  private List<Event> inTimeOrder(List<Event> batch, long[] ts) {
    boolean sorted = true;
    long now = Long.MIN_VALUE;
    for (int i = 0; i < batch.size(); i++) {
      ts[i] = timeOf(batch.get(i));
      sorted &= ts[i] >= now;
      now = Math.max(now, ts[i]);
    }
    if (sorted) {
      return batch;
    }
    Integer[] order = new Integer[batch.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long[] copy = ts.clone();
    Arrays.sort(order, Comparator.comparingLong(i -> copy[i]));
    List<Event> events = new ArrayList<>(batch.size());
    for (int i = 0; i < order.length; i++) {
      events.add(batch.get(order[i]));
      ts[i] = copy[order[i]];
    }
    return events;
  }

  private long timeOf(Event e) {
    Instant t = e.timestamp();
    return t != null ? t.toEpochMilli() : clock.millis();
  }

  public long watermark() {
    return watermark;
  }

  public Counters counters() {
    return counters;
  }

  public CorrelationState correlation() {
    return correlation;
  }

  public long suppressed() {
    return suppressor.suppressed.get();
  }

  public long suppressionEvictions() {
    return suppressor.evictions.get();
  }

  public int suppressionWindows() {
    return suppressor.openWindows();
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }
}
