package io.tocsin.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.agent.FakeServer;
import io.tocsin.agent.deliver.StateFile;
import io.tocsin.agent.respond.QuarantineStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return new Main(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private Map<String, String> env(String server) {
    Map<String, String> env = new HashMap<>();
    env.put("TOCSIN_AGENT_SERVER", server);
    env.put("TOCSIN_AGENT_DATA_DIR", tmp.toString());
    return env;
  }

  @Test
  void statusChecksServerHealthAndPrintsLocalStats() throws Exception {
    StateFile.write(tmp.resolve("state.json"), Map.of("stats", Map.of("sent", 42)));
    try (FakeServer server = new FakeServer()) {
      assertThat(run(env(server.url()), "status")).isZero();
      assertThat(server.requestsTo("/api/v1/health")).hasSize(1);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("HTTP 200", "stats: {sent=42}");
  }

  @Test
  void statusFailsWhenTheServerIsUnreachable() throws Exception {
    int port;
    try (FakeServer server = new FakeServer()) {
      port = server.port();
    }
    assertThat(run(env("http://127.0.0.1:" + port), "status")).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("UNREACHABLE", "no state file");
  }

  @Test
  void badConfigurationExitsWithTwoAndExplains() {
    Map<String, String> env = env("not a url");
    assertThat(run(env, "run")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("TOCSIN_AGENT_API_KEY is required", "TOCSIN_AGENT_SERVER");
  }

  @Test
  void restoreBringsAQuarantinedFileBack() throws Exception {
    Path file = Files.writeString(tmp.resolve("x.bin"), "payload");
    String id =
        new QuarantineStore(tmp.resolve("quarantine"), Clock.systemUTC())
            .quarantine(file, "c1")
            .id();
    assertThat(file).doesNotExist();
    assertThat(run(env("http://127.0.0.1:9"), "quarantine")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(id, file.toString());
    assertThat(run(env("http://127.0.0.1:9"), "restore", id)).isZero();
    assertThat(Files.readString(file)).isEqualTo("payload");
  }
}
