package io.tocsin.api.query;

import io.tocsin.dsl.eval.EvalBudget;

/**
 * The link between a request that may be cancelled from outside (its client went away) and the
 * {@link EvalBudget} its work runs in: the budget is created later, on the worker thread, so a
 * cancel that comes first is remembered and applied when the budget is bound.
 */
final class Cancellation {

  private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

  private EvalBudget budget;
  private boolean cancelled;

  static Cancellation current() {
    return CURRENT.get();
  }

  void enter() {
    CURRENT.set(this);
  }

  void leave() {
    CURRENT.remove();
  }

  synchronized void bind(EvalBudget budget) {
    this.budget = budget;
    if (cancelled) {
      budget.cancel();
    }
  }

  synchronized void cancel() {
    cancelled = true;
    if (budget != null) {
      budget.cancel();
    }
  }

  synchronized boolean cancelled() {
    return cancelled;
  }
}
