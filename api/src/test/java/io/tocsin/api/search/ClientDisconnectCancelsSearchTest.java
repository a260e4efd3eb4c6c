package io.tocsin.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.query.QueryGuard;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 20: a search whose client hangs up stops server-side long before its budget. The budget is
 * a minute and a tenant may run one search at a time here, so a search still running after the
 * client left would hold the tenant's only slot (429) and the stop counter would stay at zero.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + ClientDisconnectCancelsSearchTest.PASSWORD,
      "tocsin.jwt.secret=disconnect-secret-disconnect-secret-0123456",
      "tocsin.bcrypt-strength=4",
      "tocsin.query.budget=60s",
      "tocsin.query.max-concurrent-searches=1",
      "tocsin.query.max-rule-cost=1000000000000"
    })
class ClientDisconnectCancelsSearchTest {

  static final String PASSWORD = "disconnect-admin-password";

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("tocsin-disconnect-").toString();
    registry.add("tocsin.data-dir", () -> dir);
  }

  @Test
  void searchStopsWhenTheClientHangsUp() throws Exception {
    String token = login();
    ApiClient client = new ApiClient("http://localhost:" + port).bearer(token);
    SlowRegexFixture.ingest(client);
    String body = "{\"query\":\"" + SlowRegexFixture.CONDITION + "\"}";
    Counter cancelled =
        meters.counter(QueryGuard.STOPPED_METRIC, "kind", "search", "reason", "cancelled");
    double before = cancelled.count();

    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST /api/v1/search/events HTTP/1.1\r\nHost: localhost\r\n"
              + "Authorization: Bearer "
              + token
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + bytes.length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      // The search holds the tenant's only slot while it runs.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> client.post("/api/v1/search/events", Map.of("query", "x == 1")).status(),
              status -> status == 429);
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> cancelled.count() > before);
    Response cheap = client.post("/api/v1/search/events", Map.of("query", "host_id == 'h1'"));
    assertThat(cheap.status()).as(cheap.toString()).isEqualTo(200);
    assertThat(cheap.body().path("total").asInt()).isEqualTo(SlowRegexFixture.EVENTS);
  }

  private String login() {
    Response r =
        new ApiClient("http://localhost:" + port)
            .post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.text("token");
  }
}
