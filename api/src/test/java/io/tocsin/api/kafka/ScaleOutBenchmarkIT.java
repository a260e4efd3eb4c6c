package io.tocsin.api.kafka;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Benchmark, not a test (it asserts only that the runs worked): events/s and ingest-to-alert
 * latency of the packaged jar on the embedded single-server path and on Kafka with 1, 2 and 3
 * workers, in one run on this machine. Enabled with {@code -Dtocsin.bench=true}; results go to the
 * test's output and docs/performance.md ("Scale-out on Kafka").
 */
@EnabledIfSystemProperty(named = "tocsin.bench", matches = "true")
class ScaleOutBenchmarkIT {

  private static final String PASSWORD = "bench-password";
  private static final String METRICS = "bench-metrics-token";
  private static final int THREADS = 4;
  private static final int BATCH = 500;
  private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 30));

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @Test
  void embeddedAndOneTwoThreeWorkers() throws Exception {
    List<String> report = new ArrayList<>();
    int from = Integer.getInteger("bench.from", 0);
    int to = Integer.getInteger("bench.to", 3);
    if (from == 0) {
      report.add(run("embedded", 0));
    }
    for (int workers = Math.max(1, from); workers <= to; workers++) {
      report.add(run("kafka", workers));
    }
    report.forEach(System.out::println);
  }

  private String run(String mode, int workers) throws Exception {
    EmbeddedKafkaKraftBroker broker = null;
    try {
      Map<String, String> env = new HashMap<>();
      Path data = Files.createTempDirectory(dir, mode + workers);
      env.put("TOCSIN_DATA_DIR", data.toString());
      env.put("TOCSIN_METRICS_TOKEN", METRICS);
      env.put("TOCSIN_RATE_LIMIT_ENABLED", "false");
      if (workers > 0) {
        broker = new EmbeddedKafkaKraftBroker(1, 6, "tocsin.events");
        broker.afterPropertiesSet();
        env.put("TOCSIN_KAFKA_BOOTSTRAP", broker.getBrokersAsString());
        env.put("TOCSIN_KAFKA_PARTITIONS", "6");
        env.put("TOCSIN_ROLE", "api");
      }
      Path apiLog = dir.resolve(mode + workers + "-api.log");
      int apiPort = start(env, apiLog);
      List<Integer> workerPorts = new ArrayList<>();
      if (workers > 0) {
        Matcher store =
            Pattern.compile("Embedded store .* listening on /127\\.0\\.0\\.1:(\\d+)")
                .matcher(Files.readString(apiLog));
        assertThat(store.find()).isTrue();
        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("TOCSIN_ROLE", "worker");
        workerEnv.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + store.group(1) + "/tocsin");
        for (int w = 0; w < workers; w++) {
          workerPorts.add(start(workerEnv, dir.resolve(mode + workers + "-worker-" + w + ".log")));
        }
      }
      ApiClient admin = login(apiPort);
      Response policy =
          admin.post(
              "/api/v1/policies",
              Map.of(
                  "name",
                  "bench marker",
                  "rules",
                  List.of(Map.of("condition", "process.name == 'bench-marker.exe'"))));
      assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
      Load warm = load(admin, WARMUP);
      Load measured = load(admin, MEASURE);
      String latency;
      if (workers == 0) {
        latency = measured.percentiles();
      } else {
        awaitAlerts(admin, policy.text("id"), warm.batches.get() + measured.batches.get());
        double p50 = 0;
        double p99 = 0;
        for (int port : workerPorts) {
          String metrics =
              new ApiClient("http://localhost:" + port)
                  .bearer(METRICS)
                  .get("/actuator/prometheus")
                  .raw()
                  .body();
          p50 = Math.max(p50, quantile(metrics, "0.5"));
          p99 = Math.max(p99, quantile(metrics, "0.99"));
        }
        latency = String.format("record-to-alert p50 %.0f ms, p99 %.0f ms", p50 * 1000, p99 * 1000);
      }
      return String.format(
          "%s workers=%d: %,d events/s acknowledged (%d requests failed); %s",
          mode,
          workers,
          measured.events.get() / MEASURE.toSeconds(),
          measured.failures.get(),
          latency);
    } finally {
      for (Process p : processes) {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      processes.clear();
      if (broker != null) {
        broker.destroy();
      }
    }
  }

  /** The {@code q} quantile (upper bucket bound) of the worker's ingest-to-alert histogram. */
  private static double quantile(String metrics, String q) {
    Matcher m =
        Pattern.compile(
                "tocsin_kafka_ingest_to_evaluated_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\} ([0-9.eE+-]+)")
            .matcher(metrics);
    List<double[]> buckets = new ArrayList<>();
    while (m.find()) {
      double le =
          m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
      buckets.add(new double[] {le, Double.parseDouble(m.group(2))});
    }
    if (buckets.isEmpty()) {
      return 0;
    }
    buckets.sort((a, b) -> Double.compare(a[0], b[0]));
    double total = buckets.get(buckets.size() - 1)[1];
    for (double[] bucket : buckets) {
      if (bucket[1] >= total * Double.parseDouble(q)) {
        return bucket[0];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private record Load(
      AtomicLong events,
      AtomicLong batches,
      AtomicLong failures,
      ConcurrentLinkedQueue<Long> latenciesMillis) {
    String percentiles() {
      List<Long> sorted = latenciesMillis.stream().sorted().toList();
      if (sorted.isEmpty()) {
        return "no answers";
      }
      return String.format(
          "ingest-to-alert (response) p50 %d ms, p99 %d ms",
          sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)));
    }
  }

  /** THREADS clients posting batches of BATCH events (the first a marker) for {@code length}. */
  private static Load load(ApiClient admin, Duration length) throws InterruptedException {
    Load load =
        new Load(
            new AtomicLong(), new AtomicLong(), new AtomicLong(), new ConcurrentLinkedQueue<>());
    Instant end = Instant.now().plus(length);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String prefix = "b" + t + "-" + System.nanoTime() + "-";
      Thread thread =
          new Thread(
              () -> {
                for (long n = 0; Instant.now().isBefore(end); n++) {
                  List<Map<String, Object>> batch = new ArrayList<>(BATCH);
                  for (int i = 0; i < BATCH; i++) {
                    batch.add(
                        Map.of(
                            "id", prefix + n + "-" + i,
                            "ts", Instant.now().toString(),
                            "host_id", "host-" + (i % 200),
                            "event", Map.of("type", "process", "action", "start"),
                            "process",
                                Map.of(
                                    "name",
                                    i == 0 ? "bench-marker.exe" : "proc-" + (i % 50),
                                    "pid",
                                    i,
                                    "command_line",
                                    "proc -n " + n)));
                  }
                  long start = System.nanoTime();
                  Response r = admin.post("/api/v1/events", batch);
                  if (r.status() == 200) {
                    load.events.addAndGet(BATCH);
                    load.batches.incrementAndGet();
                    load.latenciesMillis.add((System.nanoTime() - start) / 1_000_000);
                  } else {
                    load.failures.incrementAndGet();
                  }
                }
              },
              "bench-client-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return load;
  }

  private static void awaitAlerts(ApiClient admin, String policyId, long expected)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (Instant.now().isBefore(deadline)) {
      Response page = admin.get("/api/v1/alerts?policy_id=" + policyId + "&limit=1");
      if (page.body().path("total").asLong() >= expected) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("workers did not catch up within 10 minutes");
  }

  private int start(Map<String, String> env, Path log) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx2g",
                    "-jar",
                    Path.of("target", "tocsin.jar").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("TOCSIN_ADMIN_PASSWORD", PASSWORD);
    builder.environment().remove("SPRING_MONGODB_URI");
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    ApiClient api = new ApiClient("http://localhost:" + port);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("exited early:\n" + Files.readString(log));
      }
      try {
        if (api.get("/api/v1/health").status() == 200) {
          return port;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not healthy in time:\n" + Files.readString(log));
  }

  private static ApiClient login(int port) throws IOException {
    ApiClient api = new ApiClient("http://localhost:" + port);
    Response login =
        api.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return api.bearer(login.text("token"));
  }
}
