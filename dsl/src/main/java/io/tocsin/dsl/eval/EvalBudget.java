package io.tocsin.dsl.eval;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A time budget for evaluating conditions on one thread: callers run work {@link #within} a budget,
 * and the matchers that can take long on one value (globs, regular expressions, long scans) {@link
 * #charge} their steps to it. Once the deadline has passed (or the thread was interrupted) the next
 * check throws {@link BudgetExceededException}, so a search, backtest or validation stops within a
 * few thousand steps of its deadline rather than after the whole value or store has been read.
 * Without a budget (live detection) matching is unchanged.
 */
public final class EvalBudget {

  /** Steps between two clock reads. */
  static final int CHECK_EVERY = 4096;

  private static final ThreadLocal<EvalBudget> CURRENT = new ThreadLocal<>();

  private final String name;
  private final Duration limit;
  private final LongSupplier nanoTime;
  private final long deadline;
  private volatile boolean cancelled;
  private long sinceCheck;
  private long spent;

  private EvalBudget(String name, Duration limit, LongSupplier nanoTime) {
    this.name = name;
    this.limit = limit;
    this.nanoTime = nanoTime;
    this.deadline = nanoTime.getAsLong() + limit.toNanos();
  }

  /**
   * A budget that runs out {@code limit} after now.
   *
   * @param name what the budget is called in errors (such as {@code tocsin.query.budget})
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  public static EvalBudget start(String name, Duration limit, LongSupplier nanoTime) {
    return new EvalBudget(name, limit, nanoTime);
  }

  /** The budget of the current thread, or {@code null}. */
  public static EvalBudget current() {
    return CURRENT.get();
  }

  /** Runs {@code work} with this budget as the current thread's. */
  public <T> T within(Supplier<T> work) {
    EvalBudget previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Stops the work at its next check (from any thread, e.g. when the client went away). */
  public void cancel() {
    cancelled = true;
  }

  /** Counts {@code steps}; throws once the budget is spent. */
  public void charge(long steps) {
    spent += steps;
    sinceCheck += steps;
    if (sinceCheck >= CHECK_EVERY) {
      sinceCheck = 0;
      check();
    }
  }

  /** Throws when the deadline has passed, the budget was cancelled or the thread interrupted. */
  public void check() {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      throw new BudgetExceededException(name, limit, true);
    }
    if (nanoTime.getAsLong() - deadline > 0) {
      throw new BudgetExceededException(name, limit, false);
    }
  }

  /** Charges the current thread's budget, if any. */
  public static void chargeCurrent(long steps) {
    EvalBudget b = CURRENT.get();
    if (b != null) {
      b.charge(steps);
    }
  }

  /** Steps charged so far (the cost measure the complexity guarantees are stated in). */
  public long spent() {
    return spent;
  }

  public String name() {
    return name;
  }

  public Duration limit() {
    return limit;
  }
}
