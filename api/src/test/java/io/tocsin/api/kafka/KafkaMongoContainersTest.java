package io.tocsin.api.kafka;

import static io.tocsin.api.kafka.KafkaScaleOutTest.alertCount;
import static io.tocsin.api.kafka.KafkaScaleOutTest.awaitUntil;
import static io.tocsin.api.kafka.KafkaScaleOutTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The production shape — a real MongoDB replica set and a real Kafka broker in containers. Runs
 * where Docker exists; skipped (not failed) where it does not, such as this project's CI machine.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + KafkaMongoContainersTest.PASSWORD,
      "tocsin.bcrypt-strength=4",
      "tocsin.kafka.partitions=3"
    })
class KafkaMongoContainersTest {

  static final String PASSWORD = "containers-password";

  @Container static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");
  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.0.0");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void containers(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("tocsin"));
    registry.add("tocsin.kafka.bootstrap", KAFKA::getBootstrapServers);
  }

  @Test
  void onRealMongoAndKafkaAnIngestedEventRaisesItsAlert() {
    ApiClient anonymous = new ApiClient("http://localhost:" + port);
    Response login =
        anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    ApiClient admin = anonymous.bearer(login.text("token"));
    Response policy =
        admin.post(
            "/api/v1/policies",
            Map.of(
                "name",
                "containers marker",
                "rules",
                List.of(Map.of("condition", "process.name == 'containers.exe'"))));
    assertThat(policy.status()).as(policy.toString()).isEqualTo(201);

    Response ingested =
        admin.post("/api/v1/events", List.of(event("tc-1", "host-1", "containers.exe")));

    assertThat(ingested.status()).as(ingested.toString()).isEqualTo(200);
    awaitUntil(() -> alertCount(admin, policy.text("id")) == 1, "the alert on real MongoDB");
  }
}
