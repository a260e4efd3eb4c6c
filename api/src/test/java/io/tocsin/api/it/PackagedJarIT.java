package io.tocsin.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code target/tocsin.jar} the way the README does ({@code java -jar}), on a
 * free port with a fresh data directory, and logs in; then kills one with {@code kill -9} and
 * checks what it had acknowledged. Bound to {@code integration-test}, after {@code package}.
 */
class PackagedJarIT {

  private static final String PASSWORD = "packaged-jar-pw";

  @TempDir Path dataDir;
  private int port;

  @Test
  void packagedJarStartsOnEmbeddedStoreAndAdminCanLogIn() throws Exception {
    Process server = start(dataDir.resolve("data"), dataDir.resolve("server.log"));
    try {
      ApiClient admin = login();
      Response users = admin.get("/api/v1/users");
      assertThat(users.status()).isEqualTo(200);
      assertThat(users.body().path("total").asInt()).isEqualTo(1);
    } finally {
      stop(server);
    }
  }

  /**
   * The durability promise on the embedded store: whatever was acknowledged (a policy, events and
   * the alerts they raised) is there after {@code kill -9} right after the last answer.
   */
  @Test
  void acknowledgedWritesSurviveAKill() throws Exception {
    Path data = dataDir.resolve("data");
    Process server = start(data, dataDir.resolve("server-1.log"));
    List<String> acknowledged = new ArrayList<>();
    String policyId;
    try {
      ApiClient admin = login();
      Response policy =
          admin.post(
              "/api/v1/policies",
              Map.of(
                  "name",
                  "crash marker",
                  "rules",
                  List.of(
                      Map.of(
                          "condition",
                          "process.name == 'crash-marker.exe'",
                          "severity",
                          "high",
                          "action",
                          "alert"))));
      assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
      policyId = policy.text("id");
      awaitPolicyLive(admin);
      for (int batch = 0; batch < 5; batch++) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          String id = "crash-" + batch + "-" + i;
          events.add(
              Map.of(
                  "id", id,
                  "ts", Instant.now().toString(),
                  "host_id", "h-crash",
                  "event", Map.of("type", "process", "action", "start"),
                  "process", Map.of("name", i == 0 ? "crash-marker.exe" : "sh", "pid", i + 1)));
          acknowledged.add(id);
        }
        Response r = admin.post("/api/v1/events", events);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
      }
    } finally {
      server.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }

    server = start(data, dataDir.resolve("server-2.log"));
    try {
      ApiClient admin = login();
      assertThat(admin.get("/api/v1/policies/" + policyId).status()).isEqualTo(200);
      for (String id : acknowledged) {
        assertThat(admin.get("/api/v1/events/" + id).status()).as(id).isEqualTo(200);
      }
      Response alerts = admin.get("/api/v1/alerts?policy_id=" + policyId);
      assertThat(alerts.body().path("total").asInt()).as(alerts.toString()).isPositive();
    } finally {
      stop(server);
    }
  }

  /**
   * Two servers on one database (the second uses the first one's embedded store as its MongoDB): a
   * policy created through the second goes live in the first one's engine, which had already been
   * loaded, without a restart or any call between the servers.
   */
  @Test
  void aPolicyCreatedThroughAnotherServerGoesLiveHere() throws Exception {
    Path firstLog = dataDir.resolve("first.log");
    Process first = start(dataDir.resolve("data"), firstLog);
    int firstPort = port;
    Matcher store =
        Pattern.compile("Embedded store .* listening on /127\\.0\\.0\\.1:(\\d+)")
            .matcher(Files.readString(firstLog));
    assertThat(store.find()).as("embedded store address in the log").isTrue();
    Process second =
        start(
            dataDir.resolve("unused"),
            dataDir.resolve("second.log"),
            Map.of("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + store.group(1) + "/tocsin"));
    try {
      ApiClient onSecond = login();
      port = firstPort;
      ApiClient onFirst = login();
      Response loaded =
          onFirst.post(
              "/api/v1/events",
              Map.of(
                  "id",
                  "before-policy",
                  "host_id",
                  "h-sync",
                  "event",
                  Map.of("type", "process", "action", "start"),
                  "process",
                  Map.of("name", "sync-marker.exe", "pid", 1)));
      assertThat(loaded.body().path("detections").asInt()).as(loaded.toString()).isZero();

      Response policy =
          onSecond.post(
              "/api/v1/policies",
              Map.of(
                  "name",
                  "sync marker",
                  "rules",
                  List.of(Map.of("condition", "process.name == 'sync-marker.exe'"))));
      assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
      awaitPolicyLive(onFirst, "sync-marker.exe");
    } finally {
      stop(second);
      stop(first);
    }
  }

  /** Sends a marker event until the policy raises a detection (policy changes go live async). */
  private static void awaitPolicyLive(ApiClient admin) {
    awaitPolicyLive(admin, "crash-marker.exe");
  }

  private static void awaitPolicyLive(ApiClient admin, String marker) {
    AtomicInteger probe = new AtomicInteger();
    Awaitility.await("policy matching " + marker + " live")
        .atMost(Duration.ofMinutes(2))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                admin
                        .post(
                            "/api/v1/events",
                            Map.of(
                                "id",
                                "probe-" + marker + "-" + probe.getAndIncrement(),
                                "host_id",
                                "h-crash",
                                "event",
                                Map.of("type", "process", "action", "start"),
                                "process",
                                Map.of("name", marker, "pid", 1)))
                        .body()
                        .path("detections")
                        .asInt()
                    > 0);
  }

  private Process start(Path data, Path log) throws Exception {
    return start(data, log, Map.of());
  }

  private Process start(Path data, Path log, Map<String, String> env) throws Exception {
    port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    Path.of("target", "tocsin.jar").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("TOCSIN_DATA_DIR", data.toString());
    builder.environment().put("TOCSIN_ADMIN_PASSWORD", PASSWORD);
    builder.environment().remove("SPRING_MONGODB_URI");
    builder.environment().remove("SPRING_DATA_MONGODB_URI");
    builder.environment().putAll(env);
    Process server = builder.start();
    awaitHealthy(new ApiClient(base()), server, log);
    return server;
  }

  private ApiClient login() {
    ApiClient api = new ApiClient(base());
    Response login =
        api.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return api.bearer(login.text("token"));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(60, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }

  /**
   * Waits for the first healthy answer. The bound is generous on purpose: on a machine at load
   * average 11-13 a start took longer than the 120 s this test used to allow.
   */
  private static void awaitHealthy(ApiClient api, Process server, Path log) throws Exception {
    try {
      Awaitility.await("server healthy")
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(500))
          .failFast("server exited early", () -> !server.isAlive())
          .ignoreExceptions() // not listening yet
          .until(() -> api.get("/api/v1/health").status() == 200);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError(e.getMessage() + ":\n" + Files.readString(log), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
