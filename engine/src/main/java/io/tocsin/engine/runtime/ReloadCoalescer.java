package io.tocsin.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Coalesces reload requests: while one build runs, later requests wait in a single slot where each
 * newer request replaces the older; every caller's future completes with the result of the build
 * that superseded it. A burst of N edits thus costs at most two builds.
 *
 * @param <R> request
 * @param <T> result
 */
public final class ReloadCoalescer<R, T> {

  private final Executor executor;
  private final Function<R, T> build;
  private final AtomicLong coalesced = new AtomicLong();
  private Pending<R, T> pending;

  public ReloadCoalescer(Executor executor, Function<R, T> build) {
    this.executor = executor;
    this.build = build;
  }

  public CompletableFuture<T> submit(R request) {
    CompletableFuture<T> future = new CompletableFuture<>();
    boolean schedule;
    synchronized (this) {
      if (pending != null) {
        pending.request = request;
        pending.futures.add(future);
        coalesced.incrementAndGet();
        return future;
      }
      pending = new Pending<>(request);
      pending.futures.add(future);
      schedule = true;
    }
    if (schedule) {
      executor.execute(this::drain);
    }
    return future;
  }

  private void drain() {
    Pending<R, T> job;
    synchronized (this) {
      job = pending;
      pending = null;
    }
    try {
      T result = build.apply(job.request);
      job.futures.forEach(f -> f.complete(result));
    } catch (RuntimeException e) {
      job.futures.forEach(f -> f.completeExceptionally(e));
    }
  }

  /** Requests that were folded into a later one. */
  public long coalesced() {
    return coalesced.get();
  }

  private static final class Pending<R, T> {
    private R request;
    private final List<CompletableFuture<T>> futures = new ArrayList<>();

    Pending(R request) {
      this.request = request;
    }
  }
}
