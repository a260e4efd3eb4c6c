package io.tocsin.api.storage;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded store's writes durable: commits the MVStore and forces the file to disk. The
 * store is opened with H2's own background commit off (it serialized pages on other threads, so a
 * commit could return before its data reached the file); instead, every mutating request waits for
 * {@link #awaitDurable()} before its response goes out, and a timer commits whatever else was
 * written (sweeper, deliveries, retention) every {@code interval}.
 *
 * <p>Group commit: requests that arrive while a commit runs share the next one, so four ingest
 * threads pay for one fsync between them, not four.
 */
public final class EmbeddedStoreCommitter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCommitter.class);

  private final MVStore store;
  private final ReentrantLock commitLock = new ReentrantLock();
  private final AtomicLong requested = new AtomicLong();
  private volatile long completed;
  private volatile boolean reportedClosed;
  private final ScheduledExecutorService timer;

  EmbeddedStoreCommitter(MVStore store, long intervalMillis) {
    this.store = store;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tocsin-store-commit");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::periodicCommit, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Returns once everything this thread wrote before the call is committed and on disk. A commit
   * that started after the call covers it; otherwise this thread runs the next one.
   */
  public void awaitDurable() {
    long ticket = requested.incrementAndGet();
    commitLock.lock();
    try {
      if (completed >= ticket || store.isClosed()) {
        return;
      }
      // Every ticket up to here was taken after its writes, so this commit includes them.
      long upTo = requested.get();
      commitAndSync();
      completed = upTo;
    } finally {
      commitLock.unlock();
    }
  }

  private void commitAndSync() {
    try {
      store.commit();
      store.sync();
    } catch (RuntimeException e) {
      if (store.isClosed() && !reportedClosed) {
        reportedClosed = true;
        log.error(
            "The embedded store was closed by a failed commit: every write fails and health is"
                + " DOWN until the server is restarted (docs/operations.md)",
            e);
      }
      throw e;
    }
  }

  private void periodicCommit() {
    try {
      if (store.hasUnsavedChanges()) {
        awaitDurable();
      }
    } catch (RuntimeException e) {
      log.error("periodic commit of the embedded store failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
