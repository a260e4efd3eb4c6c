package io.tocsin.api.webhook.delivery;

import io.tocsin.api.webhook.WebhookProperties;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims due deliveries and hands them to a bounded pool of sender threads. Polls every {@code
 * poll-interval}, and at once when something is enqueued or a sender frees up. Stopping abandons
 * nothing: a delivery in flight keeps its lease, which expires, and then any server resumes it.
 */
@Component
public class DeliveryDispatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

  private final DeliveryStore store;
  private final DeliveryWorker worker;
  private final WebhookProperties properties;
  private final Clock clock;
  private final Semaphore permits;
  private volatile boolean running;
  private ScheduledExecutorService poller;
  private ExecutorService senders;

  DeliveryDispatcher(
      DeliveryStore store, DeliveryWorker worker, WebhookProperties properties, Clock clock) {
    this.store = store;
    this.worker = worker;
    this.properties = properties;
    this.clock = clock;
    this.permits = new Semaphore(Math.max(1, properties.concurrency()));
  }

  @Override
  public synchronized void start() {
    poller = Executors.newSingleThreadScheduledExecutor(named("webhook-dispatch"));
    senders =
        Executors.newFixedThreadPool(Math.max(1, properties.concurrency()), named("webhook-send"));
    running = true;
    long every = Math.max(10, properties.pollInterval().toMillis());
    poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  /** Looks for due deliveries now rather than at the next poll. */
  public void wake() {
    ScheduledExecutorService p = poller;
    if (running && p != null) {
      try {
        p.execute(this::poll);
      } catch (RejectedExecutionException stopping) {
        LOG.debug("dispatcher stopping; delivery left for the next start");
      }
    }
  }

  private void poll() {
    while (running && permits.tryAcquire()) {
      Optional<Delivery> claimed;
      try {
        claimed = store.claimNext(clock.instant(), properties.lease());
      } catch (RuntimeException e) {
        permits.release();
        LOG.warn("cannot claim webhook deliveries", e);
        return;
      }
      if (claimed.isEmpty()) {
        permits.release();
        return;
      }
      try {
        senders.execute(() -> send(claimed.get()));
      } catch (RejectedExecutionException stopping) {
        permits.release();
        return;
      }
    }
  }

  private void send(Delivery delivery) {
    try {
      worker.attempt(delivery);
    } catch (RuntimeException e) {
      LOG.warn(
          "webhook delivery {} failed unexpectedly; retried when its lease ends", delivery.id(), e);
    } finally {
      permits.release();
      wake();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (poller == null) {
      return;
    }
    poller.shutdownNow();
    senders.shutdown();
    try {
      long wait = properties.connectTimeout().plus(properties.readTimeout()).toMillis();
      if (!senders.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
