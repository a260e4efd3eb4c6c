package io.tocsin.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out mode against a real KRaft broker: ingest only puts the event on the topic, the engine
 * worker evaluates it and writes the alert, and that alert reaches a WebSocket subscriber.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + KafkaStreamTest.PASSWORD,
      "tocsin.bcrypt-strength=4",
      "tocsin.kafka.partitions=2",
      "tocsin.kafka.topic=stream-test"
    })
class KafkaStreamTest {

  static final String PASSWORD = "kafka-stream-password";
  private static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 2);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) throws IOException {
    BROKER.afterPropertiesSet();
    Path data = Files.createTempDirectory("tocsin-kafka-stream-test-");
    registry.add("tocsin.data-dir", data::toString);
    registry.add("tocsin.kafka.bootstrap", BROKER::getBrokersAsString);
  }

  @AfterAll
  static void stopBroker() {
    BROKER.destroy();
  }

  @Test
  void alertWrittenByTheWorkerReachesAWebSocketSubscriber() throws Exception {
    ApiClient anonymous = new ApiClient("http://localhost:" + port);
    Response login =
        anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    String token = login.text("token");
    ApiClient admin = anonymous.bearer(token);
    String marker = "kws-" + UUID.randomUUID().toString().substring(0, 8) + ".exe";
    Response policy =
        admin.post(
            "/api/v1/policies",
            Map.of(
                "name",
                "kafka stream " + marker,
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

    try (SocketClient ws = SocketClient.bearer(port, token)) {
      ws.send(Map.of("type", "subscribe", "topics", List.of("alerts"), "policy", policyId));
      ws.awaitType("subscribed");
      Response ingested =
          admin.post(
              "/api/v1/events",
              List.of(
                  Map.of(
                      "id", "k-" + marker,
                      "ts", Instant.now().toString(),
                      "host_id", "kafka-host",
                      "event", Map.of("type", "process", "action", "start"),
                      "process", Map.of("name", marker, "pid", 7))));
      assertThat(ingested.status()).as(ingested.toString()).isEqualTo(200);

      JsonNode alert =
          StreamSocketTest.last(
              ws.await(
                  m -> policyId.equals(m.path("data").path("policy_id").asString()),
                  "an alert of " + policyId));
      assertThat(alert.path("type").asString()).isEqualTo("alert");
      assertThat(alert.path("data").path("host_id").asString()).isEqualTo("kafka-host");
    }
  }
}
