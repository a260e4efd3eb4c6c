package io.tocsin.samples.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReplayTest {

  private final List<JsonNode> batches = new CopyOnWriteArrayList<>();
  private final List<String> apiKeys = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private int status = 200;

  @TempDir Path dir;

  @BeforeEach
  void startFakeServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/events",
        exchange -> {
          JsonNode body = JsonMapper.builder().build().readTree(exchange.getRequestBody());
          batches.add(body);
          apiKeys.add(exchange.getRequestHeaders().getFirst("X-API-Key"));
          byte[] answer =
              ("{\"status\":\"ok\",\"count\":" + body.size() + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void sendsBatchesWithTheKeyAndRebasesTime() throws Exception {
    Path file = dir.resolve("s.jsonl");
    Files.writeString(
        file,
        """
        {"id":"a","ts":"2026-01-01T00:00:00Z","event":{"id":"a"}}
        # comment lines are skipped
        {"id":"b","ts":"2026-01-01T00:00:30Z"}
        {"id":"c","timestamp":"2026-01-01T00:01:00Z"}
        """);
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    ReplayOptions options =
        ReplayOptions.parse(
            List.of(
                "--server", url(), "--api-key", "k1", "--rebase", "--batch", "2", file.toString()),
            Map.<String, String>of()::get);

    int sent = replay(options, now).run();

    assertThat(sent).isEqualTo(3);
    assertThat(batches).hasSize(2);
    assertThat(apiKeys).containsOnly("k1");
    assertThat(batches.get(0).get(0).get("ts").asString()).isEqualTo("2026-11-22T12:00:00Z");
    assertThat(batches.get(0).get(1).get("ts").asString()).isEqualTo("2026-11-22T12:00:30Z");
    assertThat(batches.get(1).get(0).get("timestamp").asString()).isEqualTo("2026-11-22T12:01:00Z");
  }

  @Test
  void rebasedFilesPlayOneAfterAnother() throws Exception {
    Path first = dir.resolve("a.jsonl");
    Path second = dir.resolve("b.jsonl");
    Files.writeString(
        first,
        "{\"id\":\"a\",\"ts\":\"2026-01-01T00:00:00Z\"}\n{\"id\":\"b\",\"ts\":\"2026-01-01T00:01:00Z\"}\n");
    Files.writeString(second, "{\"id\":\"c\",\"ts\":\"2026-01-01T00:00:00Z\"}\n");
    ReplayOptions options =
        ReplayOptions.parse(
            List.of(
                "--server",
                url(),
                "--api-key",
                "k",
                "--rebase",
                first.toString(),
                second.toString()),
            Map.<String, String>of()::get);

    replay(options, Instant.parse("2026-11-22T12:00:00Z")).run();

    assertThat(batches.get(1).get(0).get("ts").asString()).isEqualTo("2026-11-22T12:01:01Z");
  }

  @Test
  void freshIdsSuffixBothIdFields() throws Exception {
    Path file = dir.resolve("s.jsonl");
    Files.writeString(file, "{\"id\":\"a\",\"event\":{\"id\":\"a\"}}\n");
    ReplayOptions options =
        ReplayOptions.parse(
            List.of("--server", url(), "--token", "t", "--fresh-ids", file.toString()),
            Map.<String, String>of()::get);

    replay(options, Instant.now()).run();

    JsonNode event = batches.get(0).get(0);
    assertThat(event.get("id").asString()).startsWith("a-").isNotEqualTo("a");
    assertThat(event.get("event").get("id").asString()).isEqualTo(event.get("id").asString());
  }

  @Test
  void serverErrorStopsTheReplayWithTheAnswer() throws Exception {
    status = 400;
    Path file = dir.resolve("s.jsonl");
    Files.writeString(file, "{\"id\":\"a\"}\n");
    ReplayOptions options =
        ReplayOptions.parse(
            List.of("--server", url(), "--api-key", "k", file.toString()),
            Map.<String, String>of()::get);

    assertThatThrownBy(() -> replay(options, Instant.now()).run()).hasMessageContaining("400");
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Replay.cli(
            List.of("--help"),
            Map.<String, String>of()::get,
            HttpClient.newHttpClient(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage:").contains("--api-key");
    assertThat(err.size()).isZero();
  }

  /** Regression: with the server down the tool printed {@code error: null}. */
  @Test
  void serverDownThenTheErrorNamesTheServerNotNull() throws Exception {
    Path file = dir.resolve("s.jsonl");
    Files.writeString(file, "{\"id\":\"a\"}\n");
    String down = url();
    server.stop(0);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Replay.cli(
            List.of("--server", down, "--api-key", "k", file.toString()),
            Map.<String, String>of()::get,
            HttpClient.newHttpClient(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: cannot connect to " + down)
        .doesNotContain("null");
  }

  @Test
  void describeNeverSaysNull() {
    assertThat(Replay.describe(new java.net.ConnectException())).isEqualTo("ConnectException");
    assertThat(Replay.describe(new java.nio.file.NoSuchFileException("/tmp/x.jsonl")))
        .isEqualTo("no such file: /tmp/x.jsonl");
    assertThat(Replay.describe(new RuntimeException(new IllegalStateException("inner"))))
        .contains("inner");
  }

  @Test
  void optionsNeedCredentialsAndFiles() {
    assertThatThrownBy(() -> ReplayOptions.parse(List.of("x.jsonl"), Map.<String, String>of()::get))
        .hasMessageContaining("--api-key");
    assertThatThrownBy(
            () -> ReplayOptions.parse(List.of("--api-key", "k"), Map.<String, String>of()::get))
        .hasMessageContaining("no event file");
    assertThatThrownBy(
            () ->
                ReplayOptions.parse(
                    List.of("--api-key", "k", "--batch", "0", "f"), Map.<String, String>of()::get))
        .hasMessageContaining("positive integer");
  }

  @Test
  void bundledScenariosAreValidJsonLines() throws Exception {
    EventStream stream = new EventStream(JsonMapper.builder().build());
    try (var files = Files.list(Path.of("scenarios"))) {
      List<Path> scenarios = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
      assertThat(scenarios).isNotEmpty();
      for (Path scenario : scenarios) {
        assertThat(stream.read(scenario)).as(scenario.toString()).isNotEmpty();
      }
    }
  }

  private Replay replay(ReplayOptions options, Instant now) {
    return new Replay(
        options,
        HttpClient.newHttpClient(),
        Clock.fixed(now, ZoneOffset.UTC),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
