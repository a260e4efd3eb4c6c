package io.tocsin.api.query;

import com.mongodb.MongoExecutionTimeoutException;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.dsl.eval.BudgetExceededException;
import io.tocsin.dsl.eval.EvalBudget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Runs one expensive request: takes one of the tenant's slots for its kind (or answers 429 with
 * {@code Retry-After}), then runs the work inside a fresh {@link EvalBudget} and answers {@code 408
 * QUERY_BUDGET_EXCEEDED} when the work runs out of it (or MongoDB stops it at its {@code
 * maxTimeMS}).
 */
@Component
public class QueryGuard {

  /** The configuration key errors name. */
  public static final String BUDGET_KEY = "tocsin.query.budget";

  /** What a request does; each kind has its own per-tenant limit. */
  public enum Kind {
    SEARCH,
    BACKTEST
  }

  private final QueryProperties properties;
  private final LongSupplier nanoTime;
  private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

  @Autowired
  QueryGuard(QueryProperties properties) {
    this(properties, System::nanoTime);
  }

  QueryGuard(QueryProperties properties, LongSupplier nanoTime) {
    this.properties = properties;
    this.nanoTime = nanoTime;
  }

  public QueryProperties properties() {
    return properties;
  }

  /** Runs {@code work} for {@code tenantId} within the limits of {@code kind}. */
  public <T> T run(String tenantId, Kind kind, Function<EvalBudget, T> work) {
    int limit =
        kind == Kind.SEARCH
            ? properties.maxConcurrentSearches()
            : properties.maxConcurrentBacktests();
    Semaphore tenantSlots =
        slots.computeIfAbsent(kind + "|" + tenantId, k -> new Semaphore(limit, true));
    if (!tenantSlots.tryAcquire()) {
      throw busy(kind, limit);
    }
    try {
      EvalBudget budget = EvalBudget.start(BUDGET_KEY, properties.budget(), nanoTime);
      return budget.within(() -> work.apply(budget));
    } catch (BudgetExceededException e) {
      throw exceeded(kind);
    } catch (MongoExecutionTimeoutException e) {
      throw exceeded(kind);
    } catch (RuntimeException e) {
      if (causedByBudget(e)) {
        throw exceeded(kind);
      }
      throw e;
    } finally {
      tenantSlots.release();
    }
  }

  private static boolean causedByBudget(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof BudgetExceededException || t instanceof MongoExecutionTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private ApiException exceeded(Kind kind) {
    long millis = properties.budget().toMillis();
    String what = kind == Kind.SEARCH ? "Search" : "Backtest";
    return new ApiException(
        ErrorCode.QUERY_BUDGET_EXCEEDED,
        what
            + " stopped: it exceeded its budget ["
            + BUDGET_KEY
            + "] of "
            + millis
            + " ms. Narrow the time range or the query (an indexed equality, fewer wildcards),"
            + " or raise TOCSIN_QUERY_BUDGET.",
        Map.of("budget", BUDGET_KEY, "budget_ms", millis),
        HttpHeaders.EMPTY);
  }

  private ApiException busy(Kind kind, int limit) {
    long retryAfter = Math.max(1, (properties.budget().toMillis() + 999) / 1000);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    String setting =
        kind == Kind.SEARCH
            ? "tocsin.query.max-concurrent-searches"
            : "tocsin.query.max-concurrent-backtests";
    return new ApiException(
        ErrorCode.RATE_LIMITED,
        "Too many concurrent "
            + (kind == Kind.SEARCH ? "searches" : "backtests")
            + " for this tenant (limit "
            + limit
            + ", ["
            + setting
            + "]); retry after "
            + retryAfter
            + " s",
        Map.of("limit", limit, "setting", setting, "retry_after_seconds", retryAfter),
        headers);
  }
}
