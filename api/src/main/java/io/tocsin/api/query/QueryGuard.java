package io.tocsin.api.query;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.dsl.eval.BudgetExceededException;
import io.tocsin.dsl.eval.EvalBudget;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.async.WebAsyncTask;

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

  /** How long past its budget a cancellable request may take before the container gives up. */
  private static final Duration ASYNC_GRACE = Duration.ofSeconds(30);

  /** What a request does; each kind has its own per-tenant limit. */
  public enum Kind {
    SEARCH,
    BACKTEST
  }

  /** Counter of requests stopped before they finished, by kind and reason (budget, cancelled). */
  public static final String STOPPED_METRIC = "tocsin.query.stopped";

  private final QueryProperties properties;
  private final LongSupplier nanoTime;
  private final MeterRegistry meters;
  private final DisconnectWatch disconnects;
  private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

  @Autowired
  QueryGuard(QueryProperties properties, MeterRegistry meters, DisconnectWatch disconnects) {
    this(properties, System::nanoTime, meters, disconnects);
  }

  QueryGuard(QueryProperties properties, LongSupplier nanoTime) {
    this(properties, nanoTime, new SimpleMeterRegistry(), new DisconnectWatch(null));
  }

  QueryGuard(
      QueryProperties properties,
      LongSupplier nanoTime,
      MeterRegistry meters,
      DisconnectWatch disconnects) {
    this.properties = properties;
    this.nanoTime = nanoTime;
    this.meters = meters;
    this.disconnects = disconnects;
  }

  public QueryProperties properties() {
    return properties;
  }

  /**
   * Wraps a controller's work (called on the request thread) so that it runs off the request thread
   * while its client connection is watched: when the client hangs up, the {@link EvalBudget} of the
   * work is cancelled and it stops at its next check instead of finishing a search nobody reads.
   * The async timeout is only a safety net; the budget inside fires first.
   */
  public <T> WebAsyncTask<T> cancellable(Callable<T> work) {
    HttpServletRequest request = currentRequest();
    Callable<T> watched =
        () -> {
          Cancellation cancellation = new Cancellation();
          cancellation.enter();
          if (request != null) {
            disconnects.watch(cancellation, request.getLocalPort(), request.getRemotePort());
          }
          try {
            return work.call();
          } finally {
            disconnects.forget(cancellation);
            cancellation.leave();
          }
        };
    return new WebAsyncTask<>(properties.budget().plus(ASYNC_GRACE).toMillis(), watched);
  }

  private static HttpServletRequest currentRequest() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
        ? attrs.getRequest()
        : null;
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
      Cancellation cancellation = Cancellation.current();
      if (cancellation != null) {
        cancellation.bind(budget);
      }
      return budget.within(() -> work.apply(budget));
    } catch (BudgetExceededException e) {
      throw stopped(kind, e.cancelled());
    } catch (MongoExecutionTimeoutException e) {
      throw stopped(kind, false);
    } catch (MongoInterruptedException e) {
      throw stopped(kind, true);
    } catch (RuntimeException e) {
      if (causedByBudget(e)) {
        throw stopped(kind, Thread.currentThread().isInterrupted());
      }
      throw e;
    } finally {
      tenantSlots.release();
    }
  }

  private static boolean causedByBudget(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof BudgetExceededException
          || t instanceof MongoExecutionTimeoutException
          || t instanceof MongoInterruptedException) {
        return true;
      }
    }
    return false;
  }

  /** Counts the stop; a cancelled request (client gone) still answers 408, nobody reads it. */
  private ApiException stopped(Kind kind, boolean cancelled) {
    meters
        .counter(
            STOPPED_METRIC,
            "kind",
            kind.name().toLowerCase(Locale.ROOT),
            "reason",
            cancelled ? "cancelled" : "budget")
        .increment();
    return exceeded(kind);
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
