package io.tocsin.agent.deliver;

import io.tocsin.agent.deliver.EventTransport.Outcome;
import io.tocsin.agent.spool.Spool;
import io.tocsin.model.Event;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events from the {@link EventQueue} to the server. Batches close at {@code batchSize} events
 * or {@code batchTimeout} after their first event. A batch is tried up to {@code 1 + retryCount}
 * times with {@link Backoff}; if the server stays unreachable it goes to the {@link Spool}, and
 * while the spool is non-empty every new batch goes there too, so delivery stays in order. The
 * spool is replayed oldest first, one probe per backoff period, until it is empty. 401/403 (a wrong
 * or rotated key) are kept like an outage: spooled at once and probed with backoff. A rejection
 * drops only the events the server refused ({@link BatchDelivery}) and counts them.
 */
public final class Shipper {

  private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);

  /** Delivery settings. */
  public record Settings(int batchSize, Duration batchTimeout, int retryCount) {}

  private final EventQueue queue;
  private final EventTransport transport;
  private final Spool spool;
  private final Settings settings;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;
  private final AgentStats stats;
  private final BatchDelivery delivery;
  private int outageFailures;
  private Instant nextProbe = Instant.MIN;
  private volatile boolean running;
  private Thread thread;

  public Shipper(
      EventQueue queue,
      EventTransport transport,
      Spool spool,
      Settings settings,
      Backoff backoff,
      Sleeper sleeper,
      Clock clock,
      AgentStats stats) {
    this.queue = queue;
    this.transport = transport;
    this.spool = spool;
    this.settings = settings;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
    this.stats = stats;
    this.delivery = new BatchDelivery(transport);
  }

  public void start() {
    running = true;
    thread = new Thread(this::loop, "tocsin-shipper");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /**
   * Stops the thread and moves whatever is still queued to the spool, so a restart loses nothing.
   */
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<Event> rest = new ArrayList<>();
    queue.drainTo(rest, Integer.MAX_VALUE);
    for (int i = 0; i < rest.size(); i += settings.batchSize()) {
      spoolBatch(rest.subList(i, Math.min(rest.size(), i + settings.batchSize())));
    }
  }

  private void loop() {
    while (running) {
      try {
        List<Event> batch = nextBatch();
        if (!batch.isEmpty()) {
          handle(batch);
        }
        replaySpool();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("shipper iteration failed", e);
      }
    }
  }

  /** Collects one batch: waits for a first event, then fills until full or its timeout passes. */
  List<Event> nextBatch() throws InterruptedException {
    List<Event> batch = new ArrayList<>(settings.batchSize());
    Duration wait = spool.isEmpty() ? settings.batchTimeout() : Duration.ofMillis(200);
    Event first = queue.poll(wait);
    if (first == null) {
      return batch;
    }
    batch.add(first);
    long deadline = System.nanoTime() + settings.batchTimeout().toNanos();
    while (batch.size() < settings.batchSize()) {
      queue.drainTo(batch, settings.batchSize() - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= settings.batchSize() || left <= 0) {
        break;
      }
      Event next = queue.poll(Duration.ofNanos(Math.min(left, 50_000_000L)));
      if (next != null) {
        batch.add(next);
      }
    }
    return batch;
  }

  /** Delivers a fresh batch, or spools it when the server is (or becomes) unreachable. */
  void handle(List<Event> batch) throws InterruptedException {
    if (!spool.isEmpty()) {
      spoolBatch(batch);
      return;
    }
    byte[] body = EventCodec.gzip(EventCodec.json(batch));
    int count = batch.size();
    for (int attempt = 0; ; attempt++) {
      BatchDelivery.Result result = delivery.deliver(body, count);
      account(result, false);
      if (result.done()) {
        return;
      }
      body = result.remainder();
      count = result.remainderCount();
      stats.failed.incrementAndGet();
      if (result.last().kind() == Outcome.Kind.AUTH) {
        authRefused(result.last(), count);
        store(body, count);
        markOutage();
        return;
      }
      if (attempt >= settings.retryCount()) {
        LOG.warn(
            "server unreachable after {} attempts ({}): spooling {} events",
            attempt + 1,
            describe(result.last()),
            count);
        store(body, count);
        markOutage();
        return;
      }
      stats.retried.incrementAndGet();
      sleeper.sleep(backoff.delay(attempt));
    }
  }

  /**
   * Replays spooled batches oldest first while the server answers; probes once per backoff. A batch
   * the server refuses the key for stays in the spool (a rotated key loses nothing).
   */
  void replaySpool() throws InterruptedException {
    while (!spool.isEmpty() && !clock.instant().isBefore(nextProbe)) {
      Optional<Spool.Segment> oldest = spool.oldest();
      if (oldest.isEmpty()) {
        return;
      }
      Spool.Segment segment = oldest.get();
      byte[] body;
      try {
        body = segment.read();
      } catch (IOException e) {
        LOG.error("unreadable spool segment {} dropped: {}", segment.path(), e.toString());
        removeQuietly(segment);
        stats.droppedSpoolFull.addAndGet(segment.count());
        continue;
      }
      BatchDelivery.Result result = delivery.deliver(body, segment.count());
      account(result, true);
      if (result.done()) {
        removeQuietly(segment);
        if (outageFailures > 0) {
          LOG.info("server accepts events again, replaying the spool");
        }
        outageFailures = 0;
        continue;
      }
      if (result.remainderCount() != segment.count()) {
        replaceQuietly(segment, result.remainder(), result.remainderCount());
      }
      stats.failed.incrementAndGet();
      stats.retried.incrementAndGet();
      if (result.last().kind() == Outcome.Kind.AUTH) {
        authRefused(result.last(), spool.events());
      }
      markOutage();
      return;
    }
  }

  private void account(BatchDelivery.Result result, boolean replay) {
    stats.sent.addAndGet(result.delivered());
    if (replay) {
      stats.replayed.addAndGet(result.delivered());
    }
    stats.rejected.addAndGet(result.rejected());
  }

  private void authRefused(Outcome outcome, long kept) {
    LOG.error(
        "server refused the API key (HTTP {}): {} events kept in the spool and retried with backoff"
            + " until the key is accepted; check TOCSIN_AGENT_API_KEY",
        outcome.status(),
        kept);
  }

  private void markOutage() {
    nextProbe = clock.instant().plus(backoff.delay(outageFailures));
    outageFailures++;
  }

  private void spoolBatch(List<Event> batch) {
    if (!batch.isEmpty()) {
      store(EventCodec.gzip(EventCodec.json(batch)), batch.size());
    }
  }

  private void store(byte[] body, int count) {
    try {
      spool.append(body, count);
      stats.spooled.addAndGet(count);
    } catch (IOException e) {
      LOG.error("cannot write the spool, {} events lost: {}", count, e.toString());
      stats.droppedSpoolFull.addAndGet(count);
    }
  }

  private void replaceQuietly(Spool.Segment segment, byte[] body, int count) {
    try {
      spool.replace(segment, body, count);
    } catch (IOException e) {
      LOG.error("cannot rewrite spool segment {}: {}", segment.path(), e.toString());
    }
  }

  private void removeQuietly(Spool.Segment segment) {
    try {
      spool.remove(segment);
    } catch (IOException e) {
      LOG.error("cannot delete spool segment {}: {}", segment.path(), e.toString());
    }
  }

  private static String describe(Outcome outcome) {
    return outcome.status() < 0
        ? outcome.detail()
        : "HTTP " + outcome.status() + " " + outcome.detail();
  }
}
