package io.tocsin.api.it;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The scale-out promise, with real processes: one API JVM ({@code TOCSIN_ROLE=api}) and three
 * worker JVMs ({@code TOCSIN_ROLE=worker}) of the packaged jar on a KRaft broker; one worker is
 * killed with {@code kill -9} mid-load and started again. Every acknowledged event is evaluated
 * (one alert each, none lost, none doubled), and sequences whose first step came before the kill
 * still fire after it.
 */
class KafkaWorkersKillIT {

  private static final String PASSWORD = "kafka-kill-password";
  private static final int PARTITIONS = 6;
  private static final int HOSTS = 24;
  private static final Duration PATIENCE = Duration.ofMinutes(6);

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private EmbeddedKafkaKraftBroker broker;

  @AfterEach
  void stopAll() throws InterruptedException, IOException {
    // What the workers did (partition moves, replays) goes to the test's report output.
    try (var logs = Files.list(dir)) {
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        Files.readAllLines(log).stream()
            .filter(l -> l.contains("EngineWorker") || l.contains("Started TocsinApplication"))
            .forEach(l -> System.out.println(log.getFileName() + ": " + l));
      }
    }
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void killedWorkerLosesNoAlertAndDoublesNone() throws Exception {
    broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, "tocsin.events");
    broker.afterPropertiesSet();
    Map<String, String> kafka =
        Map.of(
            "TOCSIN_KAFKA_BOOTSTRAP", broker.getBrokersAsString(),
            "TOCSIN_KAFKA_PARTITIONS", Integer.toString(PARTITIONS),
            "TOCSIN_KAFKA_SESSION_TIMEOUT", "6s");

    Path apiLog = dir.resolve("api.log");
    Map<String, String> apiEnv = new HashMap<>(kafka);
    apiEnv.put("TOCSIN_ROLE", "api");
    apiEnv.put("TOCSIN_DATA_DIR", dir.resolve("data").toString());
    int apiPort = start("api", apiEnv, apiLog);
    Matcher store =
        Pattern.compile("Embedded store .* listening on /127\\.0\\.0\\.1:(\\d+)")
            .matcher(Files.readString(apiLog));
    assertThat(store.find()).as("embedded store address in the log").isTrue();
    Map<String, String> workerEnv = new HashMap<>(kafka);
    workerEnv.put("TOCSIN_ROLE", "worker");
    workerEnv.put("TOCSIN_DATA_DIR", dir.resolve("unused").toString());
    workerEnv.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + store.group(1) + "/tocsin");
    List<Process> workers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      start("worker-" + i, workerEnv, dir.resolve("worker-" + i + ".log"));
      workers.add(processes.get(processes.size() - 1));
    }

    ApiClient admin = login(apiPort);
    String single =
        createPolicy(admin, "kill single", Map.of("condition", "process.name == 'kill-test.exe'"));
    String sequence =
        createPolicy(
            admin,
            "kill sequence",
            Map.of(
                "condition",
                "event.type == 'process'",
                "sequence",
                Map.of(
                    "by",
                    List.of("host_id"),
                    "within",
                    "30m",
                    "steps",
                    List.of("process.name == 'seq-a.exe'", "process.name == 'seq-b.exe'"))));

    // First steps of the sequences, one per host, before any kill.
    List<Map<String, Object>> firstSteps = new ArrayList<>();
    for (int h = 0; h < HOSTS; h++) {
      firstSteps.add(event("seq-a-" + h, "host-" + h, "seq-a.exe"));
    }
    assertThat(admin.post("/api/v1/events", firstSteps).status()).isEqualTo(200);

    Set<String> acknowledged = new HashSet<>();
    for (int batch = 0; batch < 40; batch++) {
      if (batch == 15) {
        workers.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      if (batch == 30) {
        start("worker-1-again", workerEnv, dir.resolve("worker-1-again.log"));
      }
      List<Map<String, Object>> events = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        String id = "kill-" + batch + "-" + i;
        events.add(event(id, "host-" + ((batch * 25 + i) % HOSTS), "kill-test.exe"));
      }
      Response r = admin.post("/api/v1/events", events);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      events.forEach(e -> acknowledged.add((String) e.get("id")));
    }
    List<Map<String, Object>> secondSteps = new ArrayList<>();
    for (int h = 0; h < HOSTS; h++) {
      secondSteps.add(event("seq-b-" + h, "host-" + h, "seq-b.exe"));
    }
    assertThat(admin.post("/api/v1/events", secondSteps).status()).isEqualTo(200);

    awaitUntil(() -> alerts(admin, single).size() >= acknowledged.size(), "one alert per event");
    awaitUntil(() -> alerts(admin, sequence).size() >= HOSTS, "one sequence alert per host");
    // Watch a while longer: re-delivered records must not add a second alert.
    Instant quietUntil = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(quietUntil)) {
      Thread.sleep(1000);
    }
    Map<String, Integer> alertsPerEvent = new HashMap<>();
    for (JsonNode alert : alerts(admin, single)) {
      for (JsonNode eventId : alert.path("events")) {
        alertsPerEvent.merge(eventId.asString(), 1, Integer::sum);
      }
    }
    assertThat(alertsPerEvent.keySet()).isEqualTo(acknowledged);
    assertThat(alertsPerEvent.values()).allMatch(n -> n == 1);
    assertThat(alerts(admin, sequence)).hasSize(HOSTS);
  }

  private static Map<String, Object> event(String id, String host, String process) {
    return Map.of(
        "id",
        id,
        "ts",
        Instant.now().toString(),
        "host_id",
        host,
        "event",
        Map.of("type", "process", "action", "start"),
        "process",
        Map.of("name", process, "pid", 7));
  }

  private static String createPolicy(ApiClient admin, String name, Map<String, Object> rule) {
    Map<String, Object> full = new HashMap<>(rule);
    full.put("severity", "high");
    full.put("action", "alert");
    Response created = admin.post("/api/v1/policies", Map.of("name", name, "rules", List.of(full)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  /** Every alert of the policy (cursor paging). */
  private static List<JsonNode> alerts(ApiClient admin, String policyId) {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          admin.get(
              "/api/v1/alerts?policy_id="
                  + policyId
                  + "&limit=1000"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.body().path("alerts").forEach(all::add);
      JsonNode next = page.body().path("next_cursor");
      cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
    } while (cursor != null);
    return all;
  }

  private int start(String name, Map<String, String> env, Path log) throws Exception {
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    Path.of("target", "tocsin.jar").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("TOCSIN_ADMIN_PASSWORD", PASSWORD);
    builder.environment().put("HOSTNAME", name);
    builder.environment().remove("SPRING_MONGODB_URI");
    builder.environment().remove("SPRING_DATA_MONGODB_URI");
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    ApiClient api = new ApiClient("http://localhost:" + port);
    awaitUntil(
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " exited early:\n" + read(log));
          }
          try {
            return api.get("/api/v1/health").status() == 200;
          } catch (RuntimeException notYet) {
            return false;
          }
        },
        name + " healthy");
    return port;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static ApiClient login(int port) {
    ApiClient api = new ApiClient("http://localhost:" + port);
    Response login =
        api.post("/api/v1/auth/login", Map.of("username", "admin", "password", PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return api.bearer(login.text("token"));
  }

  private static void awaitUntil(Supplier<Boolean> condition, String what) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
