package io.tocsin.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.dsl.eval.EvalBudget;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-tenant slots (429 with Retry-After) and the budget (408 naming it), on a fake clock. */
class QueryGuardTest {

  private final AtomicLong now = new AtomicLong();
  private final QueryGuard guard =
      new QueryGuard(new QueryProperties(Duration.ofSeconds(3), 1, 1, 1_000), now::get);

  @Test
  void secondConcurrentSearchOfTenantThen429WithRetryAfterOtherTenantStillRuns() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                guard.run(
                    "t1",
                    QueryGuard.Kind.SEARCH,
                    b -> {
                      running.countDown();
                      await(release);
                      return "done";
                    }));
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> guard.run("t1", QueryGuard.Kind.SEARCH, b -> "x"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
              assertThat(e.headers().getFirst("Retry-After")).isEqualTo("3");
              assertThat(e.getMessage()).contains("tocsin.query.max-concurrent-searches");
            });
    assertThat(guard.<String>run("t2", QueryGuard.Kind.SEARCH, b -> "other")).isEqualTo("other");
    assertThat(guard.<String>run("t1", QueryGuard.Kind.BACKTEST, b -> "backtest"))
        .isEqualTo("backtest");

    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(guard.<String>run("t1", QueryGuard.Kind.SEARCH, b -> "again")).isEqualTo("again");
  }

  @Test
  void workPastTheBudgetThen408NamingIt() {
    assertThatThrownBy(
            () ->
                guard.run(
                    "t1",
                    QueryGuard.Kind.BACKTEST,
                    b -> {
                      now.addAndGet(Duration.ofSeconds(4).toNanos());
                      EvalBudget.chargeCurrent(1_000_000);
                      return "never";
                    }))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.QUERY_BUDGET_EXCEEDED);
              assertThat(e.code().status().value()).isEqualTo(408);
              assertThat(e.getMessage()).contains("tocsin.query.budget").contains("3000 ms");
              assertThat(e.details()).containsEntry("budget_ms", 3000L);
            });
    // the slot was released
    assertThat(guard.<String>run("t1", QueryGuard.Kind.BACKTEST, b -> "ok")).isEqualTo("ok");
  }

  @Test
  void cancelledBudgetStopsWork() {
    assertThatThrownBy(
            () ->
                guard.run(
                    "t1",
                    QueryGuard.Kind.SEARCH,
                    b -> {
                      b.cancel();
                      b.check();
                      return "never";
                    }))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(ErrorCode.QUERY_BUDGET_EXCEEDED);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
