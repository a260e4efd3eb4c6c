package io.tocsin.samples.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.agent.collect.exec.ProcessEventsMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end, as a user would run it: the packaged server ({@code api/target/tocsin.jar}) and the
 * packaged agent ({@code agent/target/tocsin-agent.jar}, real-time process events), a policy on a
 * command line, and a process that lives about 5 ms: the policy raises an alert for the agent's
 * host. Skipped where the kernel's proc connector cannot be used (not Linux, not root).
 */
class AgentToServerIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "agent-e2e-pw";

  @TempDir Path tmp;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String base;
  private String token;

  @Test
  void aPolicyOnAFiveMillisecondProcessCommandLineRaisesAnAlert() throws Exception {
    Optional<String> unavailable = ProcessEventsMode.unavailableReason();
    assumeTrue(unavailable.isEmpty(), () -> "proc connector unavailable: " + unavailable.get());
    Path serverJar = jar("api/target/tocsin.jar");
    Path agentJar = jar("agent/target/tocsin-agent.jar");
    String hostId = "e2e-" + UUID.randomUUID();
    // GNU sleep adds its arguments: 5 ms plus a few nanoseconds that make the command line unique
    String tag = "0.00000000" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    Process server = null;
    Process agent = null;
    Path agentLog = tmp.resolve("agent.log");
    try {
      server = startServer(serverJar);
      login();
      String policyId =
          post(
                  "/api/v1/policies",
                  Map.of(
                      "name",
                      "short-lived marker",
                      "rules",
                      List.of(
                          Map.of(
                              "condition",
                              "event.action == 'start' and process.name == 'sleep'"
                                  + " and process.command_line contains '"
                                  + tag
                                  + "'",
                              "severity",
                              "high",
                              "action",
                              "alert"))))
              .path("id")
              .asString();
      awaitPolicyLive(tag);
      String key = post("/api/v1/api-keys", Map.of("name", "e2e agent")).path("key").asString();

      agent = startAgent(agentJar, key, hostId, agentLog);
      await(
          "agent subscribed to process events and reported the running processes",
          () -> log(agentLog).contains("reported as already_running"),
          agentLog);
      assertThat(log(agentLog)).contains("process events: real time");

      // One 5 ms process normally suffices. On a heavily loaded host the agent can, rarely, be too
      // late to read a process that short (it is then reported without command line; the share is
      // measured in docs/agent.md), so a few more are started before giving up.
      JsonNode alert = null;
      List<Long> pids = new java.util.ArrayList<>();
      Duration lived = Duration.ZERO;
      for (int attempt = 0; attempt < 5 && alert == null; attempt++) {
        Instant started = Instant.now();
        Process shortLived = new ProcessBuilder("sleep", "0.005", tag).start();
        pids.add(shortLived.pid());
        assertThat(shortLived.waitFor(30, TimeUnit.SECONDS)).isTrue();
        lived = Duration.between(started, Instant.now());
        alert = alertFor(policyId, hostId, Duration.ofSeconds(20));
      }
      assertThat(alert)
          .as("an alert for the agent's host; agent log:\n%s", log(agentLog))
          .isNotNull();
      assertThat(alert.path("severity").asString()).isEqualTo("high");
      JsonNode event = get("/api/v1/events/" + alert.path("events").get(0).asString());
      JsonNode process = event.path("process");
      assertThat(process.path("command_line").asString()).isEqualTo("sleep 0.005 " + tag);
      assertThat(process.path("name").asString()).isEqualTo("sleep");
      assertThat(pids).contains(process.path("pid").asLong());
      assertThat(event.path("event").path("action").asString()).isEqualTo("start");
      assertThat(lived).as("the process was short-lived").isLessThan(Duration.ofSeconds(5));
    } finally {
      stop(agent);
      stop(server);
    }
  }

  private JsonNode alertFor(String policyId, String hostId, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      JsonNode alerts = get("/api/v1/alerts?policy_id=" + policyId + "&host_id=" + hostId);
      if (alerts.path("total").asInt() > 0) {
        return alerts.path("alerts").get(0);
      }
      Thread.sleep(250);
    }
    return null;
  }

  private static Path jar(String fromRoot) {
    Path jar = Path.of("..").resolve(fromRoot).toAbsolutePath().normalize();
    assertThat(jar).as("packaged before this test runs (./mvnw verify)").exists();
    return jar;
  }

  private Process startServer(Path jar) throws Exception {
    int port = freePort();
    base = "http://127.0.0.1:" + port;
    Path log = tmp.resolve("server.log");
    ProcessBuilder b =
        new ProcessBuilder(java(), "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    b.environment().put("SERVER_PORT", Integer.toString(port));
    b.environment().put("TOCSIN_DATA_DIR", tmp.resolve("server-data").toString());
    b.environment().put("TOCSIN_ADMIN_PASSWORD", PASSWORD);
    b.environment().remove("SPRING_MONGODB_URI");
    b.environment().remove("SPRING_DATA_MONGODB_URI");
    Process p = b.start();
    try {
      return awaitHealthy(p, log);
    } catch (AssertionError | Exception e) {
      stop(p); // never leave a server behind when it did not come up
      throw e;
    }
  }

  private Process awaitHealthy(Process p, Path log) throws Exception {
    // generous: on a loaded 2-core machine the server has needed more than 3 minutes to start
    Instant deadline = Instant.now().plus(Duration.ofSeconds(420));
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive()).as("server running:\n%s", log(log)).isTrue();
      try {
        if (send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET()).statusCode()
            == 200) {
          return p;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("server not healthy in time:\n" + log(log));
  }

  private Process startAgent(Path jar, String key, String hostId, Path log) throws IOException {
    ProcessBuilder b =
        new ProcessBuilder(
                java(),
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = b.environment();
    env.keySet().removeIf(k -> k.startsWith("TOCSIN_AGENT_") || k.startsWith("OSPULSE_"));
    env.put("TOCSIN_AGENT_SERVER", base);
    env.put("TOCSIN_AGENT_API_KEY", key);
    env.put("TOCSIN_AGENT_HOST_ID", hostId);
    env.put("TOCSIN_AGENT_DATA_DIR", tmp.resolve("agent-data").toString());
    env.put("TOCSIN_AGENT_BATCH_TIMEOUT", "0.2");
    env.put("TOCSIN_AGENT_NETWORK", "false");
    return b.start();
  }

  private void login() throws Exception {
    token =
        post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD))
            .path("token")
            .asString();
    assertThat(token).isNotBlank();
  }

  /** Policy changes go live asynchronously: probe with a marker event from another host. */
  private void awaitPolicyLive(String tag) throws Exception {
    for (int i = 0; i < 150; i++) {
      JsonNode r =
          post(
              "/api/v1/events",
              Map.of(
                  "id",
                  "probe-" + i + "-" + tag,
                  "host_id",
                  "probe-host",
                  "event",
                  Map.of("type", "process", "action", "start"),
                  "process",
                  Map.of("name", "sleep", "pid", 1, "command_line", "sleep " + tag)));
      if (r.path("detections").asInt() > 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("policy not live in 30 s");
  }

  private JsonNode post(String path, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    HttpResponse<String> r = send(b);
    assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isBetween(200, 201);
    return JSON.readTree(r.body());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    b.timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A probe that may fail with an exception (fails the test). */
  @FunctionalInterface
  private interface Probe<T> {
    T get() throws Exception;
  }

  private static <T> T await(String what, Probe<T> probe, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not in 90 s: " + what + "\nagent log:\n" + log(log));
  }

  private static String log(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void stop(Process p) throws InterruptedException {
    if (p != null) {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
