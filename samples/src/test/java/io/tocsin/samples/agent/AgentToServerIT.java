package io.tocsin.samples.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.agent.collect.exec.ProcessEventsMode;
import io.tocsin.samples.support.PackagedServer;
import java.io.IOException;
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

/**
 * End to end, as a user would run it: the packaged server ({@code api/target/tocsin.jar}) and the
 * packaged agent ({@code agent/target/tocsin-agent.jar}, real-time process events), a policy on a
 * command line, and a process that lives about 5 ms: the policy raises an alert for the agent's
 * host. Skipped where the kernel's proc connector cannot be used (not Linux, not root).
 */
class AgentToServerIT {

  private static final String PASSWORD = "agent-e2e-pw";

  @TempDir Path tmp;

  private PackagedServer server;

  @Test
  void aPolicyOnAFiveMillisecondProcessCommandLineRaisesAnAlert() throws Exception {
    Optional<String> unavailable = ProcessEventsMode.unavailableReason();
    assumeTrue(unavailable.isEmpty(), () -> "proc connector unavailable: " + unavailable.get());
    Path agentJar = PackagedServer.fromRoot("agent/target/tocsin-agent.jar");
    String hostId = "e2e-" + UUID.randomUUID();
    // GNU sleep adds its arguments: 5 ms plus a few nanoseconds that make the command line unique
    String tag = "0.00000000" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

    Process agent = null;
    Path agentLog = tmp.resolve("agent.log");
    server = PackagedServer.start(tmp, PASSWORD, Map.of());
    try {
      String policyId =
          server
              .post(
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
      String key =
          server.post("/api/v1/api-keys", Map.of("name", "e2e agent")).path("key").asString();

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
      JsonNode event = server.get("/api/v1/events/" + alert.path("events").get(0).asString());
      JsonNode process = event.path("process");
      assertThat(process.path("command_line").asString()).isEqualTo("sleep 0.005 " + tag);
      assertThat(process.path("name").asString()).isEqualTo("sleep");
      assertThat(pids).contains(process.path("pid").asLong());
      assertThat(event.path("event").path("action").asString()).isEqualTo("start");
      assertThat(lived).as("the process was short-lived").isLessThan(Duration.ofSeconds(5));
    } finally {
      PackagedServer.stop(agent);
      server.close();
    }
  }

  private JsonNode alertFor(String policyId, String hostId, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      JsonNode alerts = server.get("/api/v1/alerts?policy_id=" + policyId + "&host_id=" + hostId);
      if (alerts.path("total").asInt() > 0) {
        return alerts.path("alerts").get(0);
      }
      Thread.sleep(250);
    }
    return null;
  }

  private Process startAgent(Path jar, String key, String hostId, Path log) throws IOException {
    ProcessBuilder b =
        new ProcessBuilder(
                PackagedServer.java(),
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = b.environment();
    env.keySet().removeIf(k -> k.startsWith("TOCSIN_AGENT_") || k.startsWith("OSPULSE_"));
    env.put("TOCSIN_AGENT_SERVER", server.base());
    env.put("TOCSIN_AGENT_API_KEY", key);
    env.put("TOCSIN_AGENT_HOST_ID", hostId);
    env.put("TOCSIN_AGENT_DATA_DIR", tmp.resolve("agent-data").toString());
    env.put("TOCSIN_AGENT_BATCH_TIMEOUT", "0.2");
    env.put("TOCSIN_AGENT_NETWORK", "false");
    return b.start();
  }

  /** Policy changes go live asynchronously: probe with a marker event from another host. */
  private void awaitPolicyLive(String tag) throws Exception {
    for (int i = 0; i < 150; i++) {
      JsonNode r =
          server.post(
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
}
