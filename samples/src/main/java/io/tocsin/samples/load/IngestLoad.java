package io.tocsin.samples.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sustained ingest over HTTP against a running server. Logs in, adds generated policies (so the
 * engine evaluates about a hundred with the built-in pack) and a marker policy, then several
 * threads post batches as fast as the server answers. Every batch's first event matches the marker
 * policy, and the server writes alerts before it answers, so a batch's response time is the
 * ingest-to-alert latency of its marker; the run ends by checking that every marker has its alert.
 *
 * <pre>
 * java -cp samples/target/tocsin-samples.jar io.tocsin.samples.load.IngestLoad \
 *     --url http://localhost:8080 --password "$TOCSIN_ADMIN_PASSWORD" --duration 60
 * </pre>
 */
public final class IngestLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LoadOptions options;
  private final PrintStream out;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String token;

  IngestLoad(LoadOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(LoadOptions.usage());
      return;
    }
    new IngestLoad(LoadOptions.parse(args), System.out).run();
  }

  void run() throws InterruptedException {
    token = login();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String marker = "load-marker-" + run;
    String markerPolicy = createPolicies(run, marker);
    EventBatches batches = new EventBatches(run, marker);

    long start = System.nanoTime();
    long measureFrom = start + options.warmup().toNanos();
    long end = measureFrom + options.duration().toNanos();
    AtomicLong events = new AtomicLong();
    AtomicLong batchesSent = new AtomicLong();
    AtomicLong markersWithDetection = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(options.threads());
    for (int t = 0; t < options.threads(); t++) {
      Thread sender =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    String body = batches.next(options.batch(), System.currentTimeMillis());
                    long sent = System.nanoTime();
                    HttpResponse<String> response = post("/api/v1/events", body);
                    long took = System.nanoTime() - sent;
                    if (response.statusCode() != 200) {
                      failures.incrementAndGet();
                      continue;
                    }
                    JsonNode result = JSON.readTree(response.body());
                    if (result.path("detections").asInt() > 0) {
                      markersWithDetection.incrementAndGet();
                    }
                    if (sent >= measureFrom) {
                      events.addAndGet(result.path("stored").asInt());
                      batchesSent.incrementAndGet();
                      latencies.add(took);
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "load-sender-" + t);
      sender.setDaemon(true);
      sender.start();
    }
    done.await();
    report(events.get(), batchesSent.get(), failures.get(), latencies, markerPolicy, run);
    out.println("batches whose response reported detections: " + markersWithDetection.get());
  }

  private void report(
      long events,
      long batches,
      long failures,
      ConcurrentLinkedQueue<Long> latencies,
      String markerPolicy,
      String run) {
    double seconds = options.duration().toNanos() / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    out.printf(
        "run %s: %d threads x batches of %d, %d s measured after %d s warm-up%n",
        run,
        options.threads(),
        options.batch(),
        options.duration().toSeconds(),
        options.warmup().toSeconds());
    out.printf(
        "events stored: %d in %d batches (%d failed requests) = %.0f events/s%n",
        events, batches, failures, events / seconds);
    out.printf(
        "ingest-to-alert latency (batch response, alert written before it): p50 %.0f ms,"
            + " p99 %.0f ms, max %.0f ms%n",
        percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
    HttpResponse<String> alerts = get("/api/v1/alerts?limit=1&policy_id=" + markerPolicy);
    long total = JSON.readTree(alerts.body()).path("total").asLong(-1);
    out.printf("alerts of the marker policy: %d (one per batch sent, warm-up included)%n", total);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private String login() {
    String body =
        JSON.writeValueAsString(
            Map.of("username", options.username(), "password", options.password()));
    HttpResponse<String> r = send("POST", "/api/v1/auth/login", body, false);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).path("token").asString();
  }

  /** Adds the generated policies and the marker policy; returns the marker policy's id. */
  private String createPolicies(String run, String marker) {
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < options.policies(); i++) {
      conditions.add(
          switch (i % 4) {
            case 0 ->
                "process.name == 'tool"
                    + i
                    + ".exe' and process.command_line icontains '-x"
                    + i
                    + "'";
            case 1 ->
                "network.destination.port == " + (20_000 + i) + " and network.protocol == 'udp'";
            case 2 -> "file.path glob '/opt/app" + i + "/**/*.so' and file.size > " + i + "MB";
            default ->
                "user.name in ('intruder" + i + "', 'mallory" + i + "') and event.type == 'auth'";
          });
    }
    for (int i = 0; i < conditions.size(); i++) {
      createPolicy("load " + run + " generated " + i, conditions.get(i));
    }
    String id = createPolicy("load " + run + " marker", "process.name == '" + marker + "'");
    out.printf("created %d generated policies and the marker policy %s%n", conditions.size(), id);
    // Policy changes go live asynchronously; give the engine time to compile.
    sleep(Duration.ofSeconds(3));
    return id;
  }

  private String createPolicy(String name, String condition) {
    Map<String, Object> body =
        Map.of(
            "name",
            name,
            "enabled",
            true,
            "rules",
            List.of(Map.of("condition", condition, "severity", "medium", "action", "alert")));
    HttpResponse<String> r = send("POST", "/api/v1/policies", JSON.writeValueAsString(body), false);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("policy refused: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).path("id").asString();
  }

  private HttpResponse<String> post(String path, String body) {
    return send("POST", path, body, options.gzip());
  }

  private HttpResponse<String> get(String path) {
    return send("GET", path, null, false);
  }

  private HttpResponse<String> send(String method, String path, String body, boolean gzip) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(options.url() + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (gzip) {
        bytes = gzip(bytes);
        request.header("Content-Encoding", "gzip");
      }
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 4);
    try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
