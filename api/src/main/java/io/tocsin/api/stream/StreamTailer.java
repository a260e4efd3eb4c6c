package io.tocsin.api.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Reads the stream log every {@code tocsin.stream.poll} and hands entries to {@link StreamHub}
 * strictly in id order. {@link #watermark} is the highest id delivered, and every lower id was
 * delivered or given up on: when id 8 is committed before id 7 (two writers), 8 waits until 7
 * appears or {@code gap-grace} has passed since the gap was first seen (7's writer died between
 * allocating and writing). So a client's last id is a sound resume cursor. (The embedded store has
 * no change streams; on a replica set a change stream would only shorten the wait, the ordering
 * rule would stay.)
 */
@Component
class StreamTailer implements SmartInitializingSingleton, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StreamTailer.class);
  private static final int PAGE = 500;
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

  private final StreamLog streamLog;
  private final StreamHub hub;
  private final StreamProperties properties;
  private final Clock clock;
  private final Counter skipped;
  private final ScheduledExecutorService thread;
  private long watermark;
  private long gapUpTo = -1;
  private Instant gapSeenAt;
  private Instant nextPrune = Instant.MIN;
  private Instant nextWarning = Instant.MIN;

  StreamTailer(
      StreamLog streamLog,
      StreamHub hub,
      StreamProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.streamLog = streamLog;
    this.hub = hub;
    this.properties = properties;
    this.clock = clock;
    this.skipped = meters.counter("tocsin.stream.gaps.skipped");
    meters.gauge("tocsin.stream.connections", hub, StreamHub::open);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tocsin-stream-tailer");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void afterSingletonsInstantiated() {
    watermark = streamLog.head();
    hub.advance(watermark);
    long every = Math.max(10, properties.poll().toMillis());
    thread.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // e.g. the database is down: say so once a minute, not five times a second
      Instant now = clock.instant();
      if (now.isAfter(nextWarning)) {
        nextWarning = now.plus(PRUNE_EVERY);
        log.warn("stream tailer: {}", e.toString());
      }
    }
  }

  /** One poll: deliver what is committed in order, then catch up and promote new connections. */
  void tick() {
    Instant now = clock.instant();
    boolean more = true;
    while (more) {
      List<StreamMessage> page = streamLog.after(watermark, PAGE);
      more = deliver(page, now) && page.size() == PAGE;
    }
    hub.advance(watermark);
    for (StreamSubscriber s : List.copyOf(hub.pending())) {
      catchUp(s);
    }
    if (now.isAfter(nextPrune)) {
      nextPrune = now.plus(PRUNE_EVERY);
      streamLog.prune(now.minus(properties.retention()), properties.maxEntries());
    }
  }

  /** False when delivery stopped at a gap still within its grace. */
  private boolean deliver(List<StreamMessage> page, Instant now) {
    for (StreamMessage m : page) {
      if (m.id() > watermark + 1 && !skipGap(m.id(), now)) {
        return false;
      }
      hub.deliver(m);
      watermark = m.id();
    }
    return true;
  }

  /** Whether the ids below {@code next} may be given up on now. */
  private boolean skipGap(long next, Instant now) {
    long expected = watermark + 1;
    if (gapSeenAt == null || gapUpTo < expected) {
      gapUpTo = next - 1;
      gapSeenAt = now;
      return false;
    }
    if (now.isBefore(gapSeenAt.plus(properties.gapGrace()))) {
      return false;
    }
    long upTo = Math.min(next - 1, gapUpTo);
    skipped.increment(upTo - watermark);
    log.warn("stream log ids {}..{} never written; skipped", expected, upTo);
    watermark = upTo;
    if (upTo < next - 1) {
      // ids above the gap we waited for are missing too: a newer gap, with its own grace
      gapUpTo = next - 1;
      gapSeenAt = now;
      return false;
    }
    gapSeenAt = null;
    return true;
  }

  /** Replays the log after the connection's resume id, as far as its buffer has room. */
  private void catchUp(StreamSubscriber s) {
    if (s.isClosed()) {
      hub.pending().remove(s);
      return;
    }
    if (s.since == null) {
      s.cursor = watermark;
      hub.promote(s);
      return;
    }
    long since = s.since;
    if (since > watermark) {
      if (since > streamLog.head()) {
        resync(s, "last_id " + since + " is ahead of this stream (another database?)");
      }
      return; // seen on a server that is ahead of us: wait until we are there too
    }
    if (s.cursor < since) {
      s.cursor = since;
      if (since + 1 < streamLog.oldest()) {
        resync(s, "last_id " + since + " is no longer in the stream log");
        return;
      }
    }
    int room = s.room();
    if (room == 0) {
      return;
    }
    List<StreamMessage> replay = streamLog.tenantRange(s.tenantId(), s.cursor, watermark, room);
    for (StreamMessage m : replay) {
      if (s.subscription().wants(m)) {
        s.offer(new Outgoing.Live(m));
      }
      s.cursor = m.id();
    }
    if (replay.size() < room) {
      s.cursor = watermark;
      hub.promote(s);
    }
  }

  private void resync(StreamSubscriber s, String reason) {
    s.offer(
        new Outgoing.Control(
            "resync", Map.of("type", "resync", "reason", reason, "last_id", watermark)));
    s.since = null;
    s.cursor = watermark;
    hub.promote(s);
  }

  /** The highest id delivered. */
  long watermark() {
    return watermark;
  }

  @Override
  public void destroy() {
    thread.shutdownNow();
  }
}
