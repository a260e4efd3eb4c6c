package io.tocsin.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits over real HTTP. Its own small budgets need their own server (and store), so this does
 * not extend ApiTest.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + RateLimitHttpTest.PASSWORD,
      "tocsin.jwt.secret=rate-limit-secret-rate-limit-secret-0123456789",
      "tocsin.bcrypt-strength=4",
      "tocsin.rate-limit.per-minute=5",
      "tocsin.rate-limit.ingest-per-minute=3"
    })
class RateLimitHttpTest {

  static final String PASSWORD = "rate-limit-admin-password";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("tocsin-ratelimit-").toString();
    registry.add("tocsin.data-dir", () -> dir);
  }

  private ApiClient login() {
    ApiClient anonymous = new ApiClient("http://localhost:" + port);
    Response r =
        anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return anonymous.bearer(r.text("token"));
  }

  @Test
  void whenBudgetSpentThen429WithHeadersAndIngestHasItsOwnBudget() {
    ApiClient admin = login();

    Response first = admin.get("/api/v1/events");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5");
    assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");
    assertThat(Long.parseLong(first.header("X-RateLimit-Reset")))
        .isGreaterThan(System.currentTimeMillis() / 1000 - 1);
    for (int i = 0; i < 4; i++) {
      assertThat(admin.get("/api/v1/events").status()).isEqualTo(200);
    }

    Response limited = admin.get("/api/v1/events");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(limited.text("request_id")).isNotBlank();
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(limited.header("Retry-After")).isNotBlank();

    Response ingest =
        admin.post("/api/v1/events", Map.of("id", "r1", "process", Map.of("name", "x")));
    assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
    assertThat(ingest.header("X-RateLimit-Limit")).isEqualTo("3");
  }
}
