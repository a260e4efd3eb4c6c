package io.tocsin.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path tmp;

  private Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("TOCSIN_AGENT_SERVER", "http://127.0.0.1:8080");
    env.put("TOCSIN_AGENT_API_KEY", "k1");
    env.put("TOCSIN_AGENT_DATA_DIR", tmp.toString());
    return env;
  }

  @Test
  void defaultsWhenOnlyServerAndKeyAreSet() {
    AgentConfig c = ConfigLoader.load(minimal(), null, true);
    assertThat(c.server().toString()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.batchSize()).isEqualTo(100);
    assertThat(c.batchTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.retryCount()).isEqualTo(3);
    assertThat(c.spoolDir()).isEqualTo(tmp.resolve("spool"));
    assertThat(c.spoolMaxBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(c.allowResponse()).isFalse();
    assertThat(c.statusPort()).isZero();
    assertThat(c.watchPaths()).isEmpty();
    assertThat(c.processEvents()).isEqualTo("auto");
    assertThat(c.reportedProcessesFile()).isEqualTo(tmp.resolve("reported-processes.txt"));
  }

  @Test
  void processEventsIsAutoOrPoll() {
    Map<String, String> env = minimal();
    env.put("TOCSIN_AGENT_PROCESS_EVENTS", "POLL");
    assertThat(ConfigLoader.load(env, null, true).processEvents()).isEqualTo("poll");
    env.put("TOCSIN_AGENT_PROCESS_EVENTS", "ebpf");
    assertThatThrownBy(() -> ConfigLoader.load(env, null, true))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly(
                        "TOCSIN_AGENT_PROCESS_EVENTS must be auto or poll, got [ebpf]"));
  }

  @Test
  void osPulseAliasesAreAccepted() {
    Map<String, String> env = new HashMap<>();
    env.put("OSPULSE_API_URL", "https://tocsin.example.com/api/v1/");
    env.put("OSPULSE_API_KEY", "alias-key");
    env.put("OSPULSE_API_BATCH_SIZE", "25");
    env.put("OSPULSE_API_BATCH_TIMEOUT", "2.5");
    env.put("OSPULSE_API_TIMEOUT", "7");
    env.put("OSPULSE_API_RETRY_COUNT", "0");
    env.put("OSPULSE_API_RETRY_DELAY", "0.25");
    env.put("TOCSIN_AGENT_DATA_DIR", tmp.toString());
    AgentConfig c = ConfigLoader.load(env, null, true);
    assertThat(c.server().toString()).isEqualTo("https://tocsin.example.com");
    assertThat(c.apiKey()).isEqualTo("alias-key");
    assertThat(c.batchSize()).isEqualTo(25);
    assertThat(c.batchTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.retryCount()).isZero();
    assertThat(c.retryDelay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void canonicalNameWinsOverAlias() {
    Map<String, String> env = minimal();
    env.put("OSPULSE_API_BATCH_SIZE", "25");
    env.put("TOCSIN_AGENT_BATCH_SIZE", "40");
    assertThat(ConfigLoader.load(env, null, true).batchSize()).isEqualTo(40);
  }

  @Test
  void environmentOverridesFileAndFileOverridesDefaults() throws IOException {
    Path file = tmp.resolve("agent.properties");
    Files.writeString(
        file,
        "# comment\nTOCSIN_AGENT_SERVER=http://file:9000\nTOCSIN_AGENT_API_KEY=file-key\n"
            + "TOCSIN_AGENT_INTERVAL=30\nOSPULSE_API_RETRY_COUNT=9\nTOCSIN_AGENT_WATCH_PATHS="
            + tmp
            + "\n");
    Map<String, String> env = new HashMap<>();
    env.put("TOCSIN_AGENT_INTERVAL", "2");
    env.put("TOCSIN_AGENT_DATA_DIR", tmp.toString());
    AgentConfig c = ConfigLoader.load(env, file, true);
    assertThat(c.server().toString()).isEqualTo("http://file:9000");
    assertThat(c.apiKey()).isEqualTo("file-key");
    assertThat(c.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.retryCount()).isEqualTo(9);
    assertThat(c.watchPaths()).containsExactly(tmp);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> env = new HashMap<>();
    env.put("TOCSIN_AGENT_SERVER", "ftp://x");
    env.put("TOCSIN_AGENT_INTERVAL", "soon");
    env.put("TOCSIN_AGENT_BATCH_SIZE", "0");
    env.put("TOCSIN_AGENT_ALLOW_RESPONSE", "maybe");
    env.put("TOCSIN_AGENT_WATCH_PATHS", tmp.resolve("missing").toString());
    assertThatThrownBy(() -> ConfigLoader.load(env, null, true))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly(
                        "TOCSIN_AGENT_SERVER must be an http(s) URL with a host, got [ftp://x]",
                        "TOCSIN_AGENT_API_KEY is required (alias OSPULSE_API_KEY)",
                        "TOCSIN_AGENT_INTERVAL must be a number of seconds in (0, 86400], got [soon]",
                        "TOCSIN_AGENT_BATCH_SIZE must be a positive integer, got [0]",
                        "TOCSIN_AGENT_WATCH_PATHS: ["
                            + tmp.resolve("missing")
                            + "] is not a directory",
                        "TOCSIN_AGENT_ALLOW_RESPONSE must be true or false, got [maybe]"))
        .hasMessageStartingWith("Found 6 configuration problems");
  }

  @Test
  void unknownFileKeyIsAnError() throws IOException {
    Path file = tmp.resolve("bad.properties");
    Files.writeString(file, "TOCSIN_AGENT_SERVR=http://x\n");
    assertThatThrownBy(() -> ConfigLoader.load(minimal(), file, true))
        .hasMessageContaining("unknown key [TOCSIN_AGENT_SERVR]");
  }

  @Test
  void apiKeyIsOptionalForStatus() {
    Map<String, String> env = minimal();
    env.remove("TOCSIN_AGENT_API_KEY");
    assertThat(ConfigLoader.load(env, null, false).apiKey()).isEmpty();
  }
}
