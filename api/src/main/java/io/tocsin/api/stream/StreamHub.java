package io.tocsin.api.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This server's open connections. A new one starts <em>pending</em>: {@link StreamTailer} replays
 * the log after its resume id, then makes it <em>live</em>, on the tailer's thread between two
 * deliveries, so nothing falls between replay and live and nothing comes twice. Writes to sockets
 * happen on sender threads (one per connection while it drains: a client that stops reading blocks
 * only its own thread, for at most the send timeout).
 */
@Component
class StreamHub implements DisposableBean {

  private final Map<String, Set<StreamSubscriber>> live = new ConcurrentHashMap<>();
  private final Queue<StreamSubscriber> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger open = new AtomicInteger();

  /** The tailer's watermark: every id up to it has been delivered (or given up on). */
  private volatile long watermark;

  private final ExecutorService senders;
  private final ScheduledExecutorService timers;
  private final StreamProperties properties;
  private final Clock clock;

  StreamHub(StreamProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.senders = Executors.newCachedThreadPool(named("tocsin-stream-send-"));
    this.timers = Executors.newSingleThreadScheduledExecutor(named("tocsin-stream-timer-"));
    long every = Math.max(1, properties.heartbeat().toMillis());
    timers.scheduleAtFixedRate(this::housekeeping, every, every, TimeUnit.MILLISECONDS);
  }

  /** A connection of {@code tenantId}; null when this server has too many open. */
  StreamSubscriber open(String tenantId, Instant expiresAt, StreamSink sink) {
    if (open.incrementAndGet() > properties.maxSubscribers()) {
      open.decrementAndGet();
      return null;
    }
    return new StreamSubscriber(
        tenantId, expiresAt, sink, properties.buffer(), senders, this::remove);
  }

  /**
   * Starts delivering to {@code s}: after {@code since} (replayed from the log) or from now, that
   * is after what was delivered when it subscribed (not when it is promoted: a message published in
   * between must not slip past it).
   */
  void start(StreamSubscriber s, Long since) {
    s.since = since != null ? since : watermark;
    pending.add(s);
  }

  /** Runs {@code task} after {@code delayMillis} on the hub's timer (e.g. an auth deadline). */
  void schedule(Runnable task, long delayMillis) {
    timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }

  int subscribers(String tenantId) {
    return live.getOrDefault(tenantId, Set.of()).size();
  }

  int open() {
    return open.get();
  }

  /** Every id up to this one has been handed to live connections (or given up on). */
  long watermark() {
    return watermark;
  }

  // --- tailer thread only ---

  void advance(long delivered) {
    this.watermark = delivered;
  }

  void deliver(StreamMessage m) {
    Set<StreamSubscriber> subscribers = live.get(m.tenantId());
    if (subscribers != null) {
      Outgoing out = new Outgoing.Live(m);
      for (StreamSubscriber s : subscribers) {
        if (s.wants(m)) {
          s.cursor = m.id();
          s.offer(out);
        }
      }
    }
  }

  /** Pending connections, to be caught up and promoted by the tailer. */
  Queue<StreamSubscriber> pending() {
    return pending;
  }

  void promote(StreamSubscriber s) {
    pending.remove(s);
    if (!s.isClosed()) {
      live.computeIfAbsent(s.tenantId(), t -> ConcurrentHashMap.newKeySet()).add(s);
      if (s.isClosed()) {
        live.get(s.tenantId()).remove(s);
      }
    }
  }

  // ---

  private void housekeeping() {
    Instant now = clock.instant();
    for (Set<StreamSubscriber> set : live.values()) {
      for (StreamSubscriber s : set) {
        if (s.expiresAt() != null && now.isAfter(s.expiresAt())) {
          s.close(StreamSubscriber.UNAUTHENTICATED, "token expired");
        } else {
          s.heartbeat();
        }
      }
    }
  }

  private void remove(StreamSubscriber s) {
    pending.remove(s);
    Set<StreamSubscriber> set = live.get(s.tenantId());
    if (set != null) {
      set.remove(s);
    }
    open.decrementAndGet();
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void destroy() {
    live.values().forEach(set -> List.copyOf(set).forEach(s -> s.close(1001, "server stopping")));
    List.copyOf(pending).forEach(s -> s.close(1001, "server stopping"));
    timers.shutdownNow();
    senders.shutdown();
  }
}
