package io.tocsin.api.kafka;

import static io.tocsin.api.kafka.KafkaScaleOutTest.alertCount;
import static io.tocsin.api.kafka.KafkaScaleOutTest.awaitUntil;
import static io.tocsin.api.kafka.KafkaScaleOutTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Backpressure: while no broker answers, ingest refuses with 503 and {@code Retry-After} (never
 * 200-and-lose); the refused events are kept and, once a broker is back, evaluated.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + KafkaUnavailableTest.PASSWORD,
      "tocsin.bcrypt-strength=4",
      "tocsin.kafka.partitions=1",
      "tocsin.kafka.produce-timeout=2s",
      "tocsin.ingest.sweep-interval=1s",
      "tocsin.ingest.sweep-grace=1s"
    })
class KafkaUnavailableTest {

  static final String PASSWORD = "kafka-down-password";
  private static LoopbackForwarder brokerAddress;
  private static EmbeddedKafkaKraftBroker broker;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) throws IOException {
    brokerAddress = new LoopbackForwarder();
    Path data = Files.createTempDirectory("tocsin-kafka-down-");
    registry.add("tocsin.data-dir", data::toString);
    registry.add("tocsin.kafka.bootstrap", () -> "127.0.0.1:" + brokerAddress.port());
  }

  @AfterAll
  static void stopBroker() throws IOException {
    brokerAddress.close();
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void ingestWithoutBrokerAnswers503ThenTheKeptEventsAreEvaluatedOnceItIsBack() throws IOException {
    ApiClient admin = admin();
    Response policy =
        admin.post(
            "/api/v1/policies",
            Map.of(
                "name",
                "kafka down marker",
                "rules",
                List.of(
                    Map.of(
                        "condition",
                        "process.name == 'down-marker.exe'",
                        "severity",
                        "high",
                        "action",
                        "alert"))));
    assertThat(policy.status()).as(policy.toString()).isEqualTo(201);

    Response refused =
        admin.post("/api/v1/events", List.of(event("down-1", "host-1", "down-marker.exe")));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(refused.header("Retry-After")).isEqualTo("2");
    assertThat(admin.get("/api/v1/events/down-1").status()).isEqualTo(200);

    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    String[] advertised = broker.getBrokersAsString().split(",")[0].split(":");
    brokerAddress.forwardTo(Integer.parseInt(advertised[advertised.length - 1]));
    awaitUntil(
        () -> alertCount(admin, policy.text("id")) == 1, "the kept event evaluated by the worker");
  }

  private ApiClient admin() {
    ApiClient anonymous = new ApiClient("http://localhost:" + port);
    Response login =
        anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return anonymous.bearer(login.text("token"));
  }
}
