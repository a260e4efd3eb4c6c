package io.tocsin.agent.respond;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.agent.FakeServer;
import io.tocsin.agent.TestHost;
import io.tocsin.agent.collect.ExeHasher;
import io.tocsin.agent.deliver.AgentStats;
import io.tocsin.agent.deliver.ServerClient;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every action through the command queue of a fake server, in dry-run and enabled mode. Safe by
 * construction: only a child process this test starts is killed, only a temp file is quarantined,
 * and the firewall runner is a recorder (this machine's nftables are never touched).
 */
class ResponseActionsTest {

  @TempDir Path tmp;

  private FakeServer server;
  private final List<List<String>> commandsRun = new ArrayList<>();
  private final List<String> stdins = new ArrayList<>();
  private Process child;

  @BeforeEach
  void setUp() throws Exception {
    server = new FakeServer();
    child = new ProcessBuilder("sleep", "60").start();
  }

  @AfterEach
  void tearDown() throws Exception {
    child.destroyForcibly();
    child.waitFor(60, TimeUnit.SECONDS);
    server.close();
  }

  private CommandPoller poller(boolean enabled) {
    CommandRunner recorder =
        (argv, stdin) -> {
          commandsRun.add(argv);
          stdins.add(stdin);
          return new CommandRunner.Result(0, "");
        };
    QuarantineAction q =
        new QuarantineAction(
            new QuarantineStore(tmp.resolve("quarantine"), TestHost.CLOCK), enabled);
    IsolationAction isolation =
        new IsolationAction(
            URI.create("http://tocsin.example:8080"),
            enabled,
            recorder,
            host -> List.of(InetAddress.getByName("192.0.2.10")),
            () -> List.of(InetAddress.getLoopbackAddress()),
            true);
    return new CommandPoller(
        new ServerClient(server.uri(), "k", Duration.ofSeconds(30)),
        "host-1",
        List.of(
            new KillProcessAction(enabled, Duration.ofSeconds(2)),
            q.quarantine(),
            q.restore(),
            isolation.isolate(),
            isolation.release()),
        new AgentStats());
  }

  private void queue(String... commands) {
    server.commandsJson = "{\"commands\":[" + String.join(",", commands) + "]}";
  }

  private static String cmd(String id, String type, String params) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"parameters\":"
        + params
        + ",\"status\":\"pending\"}";
  }

  private JsonNode reported(String id) {
    return server.requestsTo("/api/v1/agents/host-1/commands/" + id + "/result").stream()
        .map(r -> FakeServer.JSON.readTree(r.body()))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no result posted for " + id));
  }

  @Test
  void dryRunReportsWhatWouldHappenAndChangesNothing() throws Exception {
    Path file = Files.writeString(tmp.resolve("malware.sh"), "rm -rf /\n");
    queue(
        cmd("c1", "kill_process", "{\"pid\":" + child.pid() + "}"),
        cmd("c2", "quarantine", "{\"path\":\"" + file + "\"}"),
        cmd("c3", "isolate_host", "{}"),
        cmd("c4", "release_host", "{}"));
    Map<String, CommandResult> results = poller(false).pollOnce();

    assertThat(results.values()).extracting(CommandResult::status).containsOnly("dry_run");
    assertThat(child.isAlive()).isTrue();
    assertThat(file).exists();
    assertThat(commandsRun).isEmpty();
    assertThat(reported("c1").path("status").asString()).isEqualTo("dry_run");
    assertThat(reported("c1").path("message").asString())
        .isEqualTo("would send SIGTERM to pid " + child.pid());
    assertThat(reported("c3").path("details").path("ruleset").asString())
        .contains("table inet tocsin_isolation", "ip daddr 192.0.2.10 tcp dport 8080 accept");
    assertThat(reported("c4").path("status").asString()).isEqualTo("dry_run");
  }

  @Test
  void enabledActionsKillQuarantineRestoreAndApplyTheRuleset() throws Exception {
    Path file = Files.writeString(tmp.resolve("malware.sh"), "rm -rf /\n");
    String hash = ExeHasher.sha256(file);
    queue(
        cmd("c1", "kill_process", "{\"pid\":" + child.pid() + "}"),
        cmd("c2", "quarantine", "{\"path\":\"" + file + "\"}"),
        cmd("c3", "isolate_host", "{}"),
        cmd("c4", "release_host", "{}"));
    CommandPoller poller = poller(true);
    Map<String, CommandResult> results = poller.pollOnce();

    assertThat(results.values()).extracting(CommandResult::status).containsOnly("succeeded");
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(file).doesNotExist();
    String qid = reported("c2").path("details").path("quarantine_id").asString();
    Path stored = tmp.resolve("quarantine").resolve(qid);
    assertThat(stored.resolve("content")).exists();
    assertThat(Files.readString(stored.resolve("manifest.json"))).contains(file.toString(), hash);
    assertThat(commandsRun)
        .containsExactly(
            List.of("nft", "-f", "-"),
            List.of("nft", "delete", "table", "inet", "tocsin_isolation"));
    assertThat(stdins.get(0)).contains("ip daddr 192.0.2.10 tcp dport 8080 accept");

    assertThat(poller.pollOnce()).as("each command runs once").isEmpty();

    queue(cmd("c5", "restore", "{\"quarantine_id\":\"" + qid + "\"}"));
    assertThat(poller.pollOnce().get("c5").status()).isEqualTo("succeeded");
    assertThat(Files.readString(file)).isEqualTo("rm -rf /\n");
    assertThat(stored).doesNotExist();
  }

  @Test
  void killRefusesPidOneTheAgentAndAMismatchedName() {
    KillProcessAction kill = new KillProcessAction(true, Duration.ofSeconds(1));
    for (long pid : new long[] {1, 0, -5, ProcessHandle.current().pid()}) {
      CommandResult r =
          kill.execute(new Command("x", "kill_process", Map.of("pid", pid), "pending"));
      assertThat(r.status()).isEqualTo("failed");
      assertThat(r.message()).startsWith("refusing");
    }
    CommandResult wrongName =
        kill.execute(
            new Command(
                "y", "kill_process", Map.of("pid", child.pid(), "name", "nginx"), "pending"));
    assertThat(wrongName.status()).isEqualTo("failed");
    assertThat(child.isAlive()).isTrue();
  }

  @Test
  void unknownCommandTypesAndBadParametersFail() throws Exception {
    queue(
        cmd("u1", "format_disk", "{}"),
        cmd("u2", "quarantine", "{\"path\":\"relative.txt\"}"),
        cmd("u3", "kill_process", "{}"));
    Map<String, CommandResult> results = poller(true).pollOnce();
    assertThat(results.values()).extracting(CommandResult::status).containsOnly("failed");
    assertThat(reported("u1").path("message").asString())
        .isEqualTo("unsupported command type [format_disk]");
  }

  @Test
  void aResultThatCouldNotBePostedIsReportedLaterWithoutRunningAgain() throws Exception {
    Path file = Files.writeString(tmp.resolve("f.txt"), "x");
    queue(cmd("r1", "quarantine", "{\"path\":\"" + file + "\"}"));
    CommandPoller poller = poller(true);
    server.resultStatus = 503;
    assertThat(poller.pollOnce()).containsKey("r1");
    server.resultStatus = 200;
    assertThat(poller.pollOnce()).as("not executed again").isEmpty();
    assertThat(server.requestsTo("/api/v1/agents/host-1/commands/r1/result")).hasSize(2);
    assertThat(reported("r1").path("status").asString()).isEqualTo("succeeded");
    try (var entries = Files.list(tmp.resolve("quarantine"))) {
      assertThat(entries.count()).isEqualTo(1);
    }
  }
}
