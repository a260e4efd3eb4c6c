package io.tocsin.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.tocsin.api.TocsinApplication;
import io.tocsin.api.support.ApiClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two servers on one database (a wire-compatible store stands in for MongoDB): an alert written
 * through one server reaches WebSocket subscribers on the other, and a client that resumes on the
 * other server with its last id misses nothing. Ports from this suite's range (18100-18199).
 */
class StreamClusterTest {

  private static final Logger LOG = LoggerFactory.getLogger(StreamClusterTest.class);

  private static final String ADMIN_PASSWORD = "stream-cluster-admin";
  private static final int DB_PORT = 18110;
  private static final int PORT_A = 18111;
  private static final int PORT_B = 18112;

  @TempDir static Path dataDir;
  private static MongoServer database;
  private static ConfigurableApplicationContext serverA;
  private static ConfigurableApplicationContext serverB;
  private static ApiClient a;
  private static ApiClient b;
  private static String tokenA;
  private static String tokenB;

  @BeforeAll
  static void start() {
    database = new MongoServer(H2Backend.inMemory());
    database.bind("127.0.0.1", DB_PORT);
    String uri = "mongodb://127.0.0.1:" + DB_PORT + "/tocsin";
    serverA = server(uri, "a", PORT_A);
    serverB = server(uri, "b", PORT_B);
    tokenA = login(new ApiClient("http://127.0.0.1:" + PORT_A));
    tokenB = login(new ApiClient("http://127.0.0.1:" + PORT_B));
    a = new ApiClient("http://127.0.0.1:" + PORT_A).bearer(tokenA);
    b = new ApiClient("http://127.0.0.1:" + PORT_B).bearer(tokenB);
  }

  @AfterAll
  static void stop() {
    if (serverB != null) {
      serverB.close();
    }
    if (serverA != null) {
      serverA.close();
    }
    if (database != null) {
      database.shutdownNow();
    }
  }

  @Test
  void alertRaisedThroughServerAReachesSubscriberOnServerB() throws Exception {
    try (SocketClient onB = subscribe(PORT_B, null)) {
      long start = System.nanoTime();
      String id = StreamSocketTest.createAlert(a, "raised on A", "high");

      JsonNode alert =
          StreamSocketTest.last(
              onB.await(m -> id.equals(m.path("data").path("id").asString()), id));
      Duration latency = Duration.ofNanos(System.nanoTime() - start);
      LOG.info("alert created on A seen on B after {} ms", latency.toMillis());
      assertThat(latency)
          .as("about one poll, generously bounded")
          .isLessThan(Duration.ofSeconds(10));

      assertThat(alert.path("type").asString()).isEqualTo("alert");
      assertThat(alert.path("data").path("title").asString()).isEqualTo("raised on A");
    }
  }

  @Test
  void resumeOnTheOtherServerMissesNothing() throws Exception {
    long lastSeen;
    try (SocketClient onB = subscribe(PORT_B, null)) {
      String first = StreamSocketTest.createAlert(b, "first, seen on B", "low");
      lastSeen =
          StreamSocketTest.last(
                  onB.await(m -> first.equals(m.path("data").path("id").asString()), first))
              .path("id")
              .asLong();
    }
    String second = StreamSocketTest.createAlert(b, "second, while disconnected", "low");
    String third = StreamSocketTest.createAlert(a, "third, on the other server", "low");

    try (SocketClient onA = subscribe(PORT_A, lastSeen)) {
      List<JsonNode> seen =
          onA.await(m -> third.equals(m.path("data").path("id").asString()), third);
      List<String> alerts =
          seen.stream()
              .filter(m -> "alert".equals(m.path("type").asString()))
              .map(m -> m.path("data").path("id").asString())
              .toList();
      assertThat(alerts).containsExactly(second, third);
    }
  }

  private static SocketClient subscribe(int port, Long lastId) throws InterruptedException {
    SocketClient ws = SocketClient.bearer(port, token(port));
    ws.send(
        lastId == null
            ? Map.of("type", "subscribe", "topics", List.of("alerts"))
            : Map.of("type", "subscribe", "topics", List.of("alerts"), "last_id", lastId));
    ws.awaitType("subscribed");
    return ws;
  }

  private static String token(int port) {
    return port == PORT_A ? tokenA : tokenB;
  }

  private static String login(ApiClient anonymous) {
    ApiClient.Response login =
        anonymous.post(
            "/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.text("token");
  }

  private static ConfigurableApplicationContext server(String uri, String name, int port) {
    return new SpringApplicationBuilder(TocsinApplication.class)
        .run(
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--spring.mongodb.uri=" + uri,
            "--tocsin.data-dir=" + dataDir.resolve(name),
            "--tocsin.admin-password=" + ADMIN_PASSWORD,
            "--tocsin.jwt.secret=stream-cluster-secret-stream-cluster-secret-0123",
            "--tocsin.bcrypt-strength=4");
  }
}
