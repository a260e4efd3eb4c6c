package io.tocsin.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scale-out mode in one process ({@code TOCSIN_ROLE=all}) against a real KRaft broker: ingest
 * acknowledges once the events are on the topic, the worker evaluates them and writes the alerts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + KafkaScaleOutTest.PASSWORD,
      "tocsin.bcrypt-strength=4",
      "tocsin.kafka.partitions=3",
      "tocsin.kafka.topic=scale-out-test"
    })
class KafkaScaleOutTest {

  static final String PASSWORD = "kafka-test-password";
  private static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 3);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) throws IOException {
    BROKER.afterPropertiesSet();
    Path data = Files.createTempDirectory("tocsin-kafka-test-");
    registry.add("tocsin.data-dir", data::toString);
    registry.add("tocsin.kafka.bootstrap", BROKER::getBrokersAsString);
  }

  @AfterAll
  static void stopBroker() {
    BROKER.destroy();
  }

  @Test
  void ingestedEventReachesTheWorkerAndRaisesOneAlertEvenWhenResent() {
    ApiClient admin = admin();
    String marker = "kafka-" + UUID.randomUUID().toString().substring(0, 8) + ".exe";
    Response policy =
        admin.post(
            "/api/v1/policies",
            Map.of(
                "name",
                "kafka marker " + marker,
                "rules",
                List.of(
                    Map.of(
                        "condition",
                        "process.name == '" + marker + "'",
                        "severity",
                        "high",
                        "action",
                        "alert"))));
    assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
    String policyId = policy.text("id");

    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(event("k-" + marker + "-" + i, "host-" + i, marker));
    }
    Response ingested = admin.post("/api/v1/events", events);
    assertThat(ingested.status()).as(ingested.toString()).isEqualTo(200);

    awaitUntil(() -> alertCount(admin, policyId) == 5, "5 alerts from the worker");
    // The same events again: duplicates, neither published nor alerted twice.
    Response resent = admin.post("/api/v1/events", events);
    assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
    Response more = admin.post("/api/v1/events", List.of(event("k-" + marker + "-x", "h", marker)));
    assertThat(more.status()).isEqualTo(200);
    awaitUntil(() -> alertCount(admin, policyId) == 6, "the 6th alert");
    assertThat(alertCount(admin, policyId)).isEqualTo(6);
  }

  static Map<String, Object> event(String id, String host, String process) {
    return Map.of(
        "id",
        id,
        "ts",
        Instant.now().toString(),
        "host_id",
        host,
        "event",
        Map.of("type", "process", "action", "start"),
        "process",
        Map.of("name", process, "pid", 42, "command_line", process + " -x"));
  }

  static int alertCount(ApiClient client, String policyId) {
    Response alerts = client.get("/api/v1/alerts?policy_id=" + policyId + "&limit=1000");
    assertThat(alerts.status()).as(alerts.toString()).isEqualTo(200);
    return alerts.body().path("alerts").size();
  }

  static void awaitUntil(Supplier<Boolean> condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private ApiClient admin() {
    ApiClient anonymous = new ApiClient("http://localhost:" + port);
    Response login =
        anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return anonymous.bearer(login.text("token"));
  }
}
