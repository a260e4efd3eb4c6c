package io.tocsin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.agent.config.ConfigLoader;
import io.tocsin.agent.deliver.StateFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole agent on this machine against a fake server: the host snapshot arrives, a process
 * started while the server is up arrives, and a process started during an outage arrives after it.
 */
class AgentEndToEndTest {

  @TempDir Path tmp;

  @Test
  void processesStartedDuringAnOutageArriveAfterIt() throws Exception {
    assumeTrue(com.sun.jna.Platform.isLinux());
    try (FakeServer server = new FakeServer()) {
      Map<String, String> env = new HashMap<>();
      env.put("TOCSIN_AGENT_SERVER", server.url());
      env.put("TOCSIN_AGENT_API_KEY", "e2e-key");
      env.put("TOCSIN_AGENT_DATA_DIR", tmp.toString());
      env.put("TOCSIN_AGENT_INTERVAL", "0.3");
      env.put("TOCSIN_AGENT_BATCH_TIMEOUT", "0.2");
      env.put("TOCSIN_AGENT_RETRY_COUNT", "0");
      env.put("TOCSIN_AGENT_RETRY_DELAY", "0.05");
      env.put("TOCSIN_AGENT_RETRY_MAX_DELAY", "0.2");
      env.put("TOCSIN_AGENT_COMMAND_INTERVAL", "0.5");
      env.put("TOCSIN_AGENT_NETWORK", "false");
      env.put("TOCSIN_AGENT_HOST_ID", "e2e-host");
      Agent agent = new Agent(ConfigLoader.load(env, null, true), Clock.systemUTC());
      Process before = null;
      Process during = null;
      try {
        agent.start();
        await(() -> !server.requestsTo("/api/v1/submit/").isEmpty());
        JsonNode snapshot =
            FakeServer.JSON.readTree(server.requestsTo("/api/v1/submit/").get(0).body());
        assertThat(snapshot.path("host_id").asString()).isEqualTo("e2e-host");
        assertThat(snapshot.path("processes").size()).isPositive();
        assertThat(snapshot.path("system_metrics").path("memory").path("total").asLong())
            .isPositive();
        // The first process scan is the baseline: a process started before it ends is not new.
        await(() -> agent.stats().scans.get() >= 1);

        String a = "0." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        before = new ProcessBuilder("sleep", "30", a).start();
        await(() -> hasStart(server, a));

        server.stop();
        String b = "0." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        during = new ProcessBuilder("sleep", "30", b).start();
        await(() -> agent.stats().spooled.get() > 0);
        assertThat(hasStart(server, b)).isFalse();

        server.restart();
        await(() -> hasStart(server, b));
        await(() -> agent.stats().replayed.get() > 0);
        assertThat(server.requestsTo("/api/v1/agents/e2e-host/commands")).isNotEmpty();
        await(() -> tmp.resolve("state.json").toFile().exists());
        assertThat(StateFile.read(tmp.resolve("state.json"))).containsKey("stats");
        String expectedMode =
            io.tocsin.agent.collect.exec.ProcessEventsMode.unavailableReason().isEmpty()
                ? "realtime"
                : "poll";
        assertThat(agent.processEventsMode()).isEqualTo(expectedMode);
      } finally {
        agent.close();
        for (Process p : new Process[] {before, during}) {
          if (p != null) {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
          }
        }
      }
    }
  }

  /**
   * Forced polling (what runs where the proc connector is unavailable): processes running at start
   * arrive as already_running, a new one as start, and the state file says it polls.
   */
  @Test
  void pollingModeReportsAlreadyRunningAndNewProcesses() throws Exception {
    assumeTrue(com.sun.jna.Platform.isLinux());
    String a = "0." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    Process before = new ProcessBuilder("sleep", "30", a).start();
    Process after = null;
    try (FakeServer server = new FakeServer()) {
      Map<String, String> env = new HashMap<>();
      env.put("TOCSIN_AGENT_SERVER", server.url());
      env.put("TOCSIN_AGENT_API_KEY", "e2e-key");
      env.put("TOCSIN_AGENT_DATA_DIR", tmp.toString());
      env.put("TOCSIN_AGENT_INTERVAL", "0.3");
      env.put("TOCSIN_AGENT_BATCH_TIMEOUT", "0.2");
      env.put("TOCSIN_AGENT_NETWORK", "false");
      env.put("TOCSIN_AGENT_PROCESS_EVENTS", "poll");
      Agent agent = new Agent(ConfigLoader.load(env, null, true), Clock.systemUTC());
      try {
        agent.start();
        assertThat(agent.processEventsMode()).isEqualTo("poll");
        await(() -> has(server, "already_running", a));
        String b = "0." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        after = new ProcessBuilder("sleep", "30", b).start();
        await(() -> hasStart(server, b));
        await(() -> "poll".equals(state(tmp).get("process_events")));
      } finally {
        agent.close();
      }
    } finally {
      for (Process p : new Process[] {before, after}) {
        if (p != null) {
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static Map<String, Object> state(Path dir) {
    try {
      return StateFile.read(dir.resolve("state.json"));
    } catch (java.io.IOException notYet) {
      return Map.of();
    }
  }

  private static boolean has(FakeServer server, String action, String uniqueArg) {
    return server.receivedEvents.stream()
        .anyMatch(
            e ->
                e.path("event").path("action").asString().equals(action)
                    && e.path("process").path("command_line").asString().contains(uniqueArg));
  }

  private static boolean hasStart(FakeServer server, String uniqueArg) {
    return server.receivedEvents.stream()
        .anyMatch(
            e ->
                e.path("event").path("action").asString().equals("start")
                    && e.path("process").path("command_line").asString().contains(uniqueArg)
                    && server.storedIds.contains(e.path("id").asString()));
  }

  private static void await(BooleanSupplier condition) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }
}
