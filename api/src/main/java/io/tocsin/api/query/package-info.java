/**
 * Keeps expensive requests from stalling the server (issue 20): every search, backtest and policy
 * validation runs inside an {@link io.tocsin.dsl.eval.EvalBudget} of {@code tocsin.query.budget}
 * and within a per-tenant concurrency limit. {@link io.tocsin.api.query.QueryGuard} turns a spent
 * budget into {@code 408 QUERY_BUDGET_EXCEEDED} and a full tenant into {@code 429 RATE_LIMITED}
 * with {@code Retry-After}, both in the error contract.
 */
package io.tocsin.api.query;
