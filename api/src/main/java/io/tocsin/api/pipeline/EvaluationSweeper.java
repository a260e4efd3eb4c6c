package io.tocsin.api.pipeline;

import io.tocsin.api.event.EventDispatcher;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.event.IngestProperties;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Re-runs the events of {@link PendingEvaluations} batches still open after the grace period:
 * batches whose evaluation failed, or whose server died between store and record. Runs at startup
 * and then every {@code tocsin.ingest.sweep-interval}. Evaluation is therefore at-least-once; the
 * alert service writes idempotently by detection id.
 */
@Component
public class EvaluationSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EvaluationSweeper.class);
  private static final Comparator<Event> BY_TIME =
      Comparator.comparing(Event::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final EventStore store;
  private final PendingEvaluations pending;
  private final EventDispatcher dispatcher;
  private final IngestProperties properties;
  private final Clock clock;
  private ScheduledExecutorService timer;

  EvaluationSweeper(
      EventStore store,
      PendingEvaluations pending,
      EventDispatcher dispatcher,
      IngestProperties properties,
      Clock clock) {
    this.store = store;
    this.pending = pending;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.clock = clock;
  }

  /** One sweep; returns how many events it re-evaluated. */
  public int sweepOnce() {
    Instant cutoff = clock.instant().minus(properties.sweepGrace());
    List<PendingEvaluations.Batch> open = pending.openedBefore(cutoff, properties.sweepBatch());
    int done = 0;
    for (PendingEvaluations.Batch batch : open) {
      try {
        // Ids never stored (a crash before the insert, duplicates) are simply not found.
        List<Event> events =
            store.findByIds(batch.tenantId(), batch.eventIds()).stream().sorted(BY_TIME).toList();
        dispatcher.dispatch(batch.tenantId(), events);
        pending.close(batch);
        done += events.size();
      } catch (RuntimeException e) {
        log.error(
            "tenant {}: re-evaluating {} events failed",
            batch.tenantId(),
            batch.eventIds().size(),
            e);
      }
    }
    if (!open.isEmpty()) {
      log.info("re-evaluated {} events of {} batches left open", done, open.size());
    }
    return done;
  }

  private void safeSweep() {
    try {
      sweepOnce();
    } catch (RuntimeException e) {
      log.error("evaluation sweep failed", e);
    }
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tocsin-eval-sweeper");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(1, properties.sweepInterval().toMillis());
    timer.scheduleWithFixedDelay(this::safeSweep, 0, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
