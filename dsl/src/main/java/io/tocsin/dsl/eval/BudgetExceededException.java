package io.tocsin.dsl.eval;

import java.time.Duration;

/** Evaluation ran out of its {@link EvalBudget} (or was cancelled) and stopped. */
public final class BudgetExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String budget;
  private final transient Duration limit;
  private final boolean cancelled;

  BudgetExceededException(String budget, Duration limit, boolean cancelled) {
    super(
        cancelled
            ? "cancelled before its budget [" + budget + "] of " + limit.toMillis() + " ms ran out"
            : "exceeded its budget [" + budget + "] of " + limit.toMillis() + " ms",
        null,
        false,
        false);
    this.budget = budget;
    this.limit = limit;
    this.cancelled = cancelled;
  }

  /** The name of the budget (its configuration key). */
  public String budget() {
    return budget;
  }

  public Duration limit() {
    return limit;
  }

  /** True when stopped by {@link EvalBudget#cancel()} or an interrupt, not by the clock. */
  public boolean cancelled() {
    return cancelled;
  }
}
