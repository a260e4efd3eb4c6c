package io.tocsin.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 20: a search or backtest that cannot finish within {@code tocsin.query.budget} stops
 * server-side and answers 408 QUERY_BUDGET_EXCEEDED naming the budget (not a 500, not after
 * minutes). The budget is small and the rule-cost bound lifted here (own server and store, so this
 * does not extend ApiTest); the regex would need billions of steps.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + QueryBudgetExceededTest.PASSWORD,
      "tocsin.jwt.secret=query-budget-secret-query-budget-secret-0123",
      "tocsin.bcrypt-strength=4",
      "tocsin.query.budget=300ms",
      "tocsin.query.max-rule-cost=1000000000000"
    })
class QueryBudgetExceededTest {

  static final String PASSWORD = "query-budget-admin-password";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("tocsin-budget-").toString();
    registry.add("tocsin.data-dir", () -> dir);
  }

  @Test
  void searchAndBacktestPastTheBudgetThen408() {
    ApiClient client = login();
    Instant base = SlowRegexFixture.ingest(client);
    String condition = SlowRegexFixture.CONDITION;

    Response search = client.post("/api/v1/search/events", Map.of("query", condition));
    Response backtest =
        client.post(
            "/api/v1/policies/backtest",
            Map.of(
                "policy",
                Map.of("name", "slow", "rules", List.of(Map.of("condition", condition))),
                "start_time",
                base.minusSeconds(60).toString(),
                "end_time",
                base.plus(30, ChronoUnit.MINUTES).toString()));

    for (Response r : List.of(search, backtest)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(408);
      assertThat(r.errorCode()).isEqualTo("QUERY_BUDGET_EXCEEDED");
      assertThat(r.body().path("error").path("message").asString()).contains("tocsin.query.budget");
      assertThat(r.body().path("error").path("details").path("budget_ms").asLong()).isEqualTo(300);
      assertThat(r.body().path("request_id").asString()).isNotBlank();
    }
    // The work stopped with the answer: a cheap search answers right away.
    Response cheap = client.post("/api/v1/search/events", Map.of("query", "host_id == 'h1'"));
    assertThat(cheap.status()).as(cheap.toString()).isEqualTo(200);
    assertThat(cheap.body().path("total").asInt()).isEqualTo(200);
  }

  private ApiClient login() {
    ApiClient anonymous = new ApiClient("http://localhost:" + port);
    Response r =
        anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return anonymous.bearer(r.text("token"));
  }
}
