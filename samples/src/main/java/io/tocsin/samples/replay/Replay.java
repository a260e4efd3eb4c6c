package io.tocsin.samples.replay;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays attack-scenario event files against a running server through {@code POST /api/v1/events},
 * as an agent or SIEM forwarder would.
 */
public final class Replay {

  private final ReplayOptions options;
  private final HttpClient http;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final Clock clock;
  private final PrintStream out;

  Replay(ReplayOptions options, HttpClient http, Clock clock, PrintStream out) {
    this.options = options;
    this.http = http;
    this.clock = clock;
    this.out = out;
  }

  public static void main(String[] args) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    System.exit(cli(List.of(args), System::getenv, http, System.out, System.err));
  }

  /** The command line: returns the exit status (0 done, 1 failed, 2 bad options). */
  static int cli(
      List<String> args,
      Function<String, String> env,
      HttpClient http,
      PrintStream out,
      PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(ReplayOptions.USAGE);
      return 0;
    }
    try {
      ReplayOptions options = ReplayOptions.parse(args, env);
      int sent = new Replay(options, http, Clock.systemUTC(), out).run();
      out.println("replayed " + sent + " events");
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + describe(e));
      err.print(ReplayOptions.USAGE);
      return 2;
    } catch (Exception e) {
      err.println("error: " + describe(e));
      return 1;
    }
  }

  /**
   * A message for any failure: some exceptions have none (the HTTP client's {@code
   * ConnectException}), which used to print {@code error: null}.
   */
  static String describe(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return "no such file: " + missing.getFile(); // its message is the bare path
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t == e ? t.getMessage() : t.getMessage() + " (" + e.getClass().getSimpleName() + ")";
      }
    }
    return e.getClass().getSimpleName();
  }

  /** Sends every file in order; returns the number of events the server acknowledged. */
  int run() throws Exception {
    int acknowledged = 0;
    EventStream stream = new EventStream(json);
    // Files play one after another on one timeline: correlation windows run on event time, and a
    // file rebased to start before the previous one ended would arrive as late events.
    Instant next = clock.instant();
    for (Path file : options.files()) {
      List<ObjectNode> events = stream.read(file);
      if (options.rebase()) {
        next = EventStream.rebase(events, next).plusSeconds(1);
      }
      if (options.runSuffix() != null) {
        EventStream.suffixIds(events, options.runSuffix());
      }
      for (int from = 0; from < events.size(); from += options.batchSize()) {
        List<ObjectNode> batch =
            new ArrayList<>(
                events.subList(from, Math.min(events.size(), from + options.batchSize())));
        acknowledged += send(batch);
      }
      out.println(file.getFileName() + ": " + events.size() + " events sent");
    }
    return acknowledged;
  }

  private int send(List<ObjectNode> batch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(options.server() + "/api/v1/events"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch)));
    if (options.apiKey() != null) {
      request.header("X-API-Key", options.apiKey());
    } else {
      request.header("Authorization", "Bearer " + options.token());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException(
          "cannot connect to " + options.server() + " (is the server running?)", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "server answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body()).path("count").asInt(batch.size());
  }
}
