package io.tocsin.samples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged server ({@code api/target/tocsin.jar}) started as a user would, on a free loopback
 * port and its own data directory, with a JSON client logged in as {@code admin}. Closing stops it.
 */
public final class PackagedServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Generous: on a loaded 2-core machine the server has needed more than 3 minutes to start. */
  private static final Duration START_DEADLINE = Duration.ofSeconds(420);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Process process;
  private final Path log;
  private final String base;
  private String token;

  private PackagedServer(Process process, Path log, String base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** Starts the jar on the embedded store under {@code dir} and waits until it is healthy. */
  public static PackagedServer start(Path dir, String adminPassword, Map<String, String> env)
      throws Exception {
    Path jar = fromRoot("api/target/tocsin.jar");
    int port = freePort();
    Path log = dir.resolve("server.log");
    ProcessBuilder b =
        new ProcessBuilder(java(), "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    b.environment().put("SERVER_PORT", Integer.toString(port));
    b.environment().put("TOCSIN_DATA_DIR", dir.resolve("server-data").toString());
    b.environment().put("TOCSIN_ADMIN_PASSWORD", adminPassword);
    b.environment().remove("SPRING_MONGODB_URI");
    b.environment().remove("SPRING_DATA_MONGODB_URI");
    b.environment().putAll(env);
    PackagedServer server = new PackagedServer(b.start(), log, "http://127.0.0.1:" + port);
    try {
      server.awaitHealthy();
      server.token =
          server
              .post("/api/v1/auth/login", Map.of("username", "admin", "password", adminPassword))
              .path("token")
              .asString();
      return server;
    } catch (AssertionError | Exception e) {
      server.close(); // never leave a server behind when it did not come up
      throw e;
    }
  }

  /** A file of the repository, from a module's directory (where the tests run). */
  public static Path fromRoot(String path) {
    Path file = Path.of("..").resolve(path).toAbsolutePath().normalize();
    assertThat(file).as("packaged before this test runs (./mvnw verify)").exists();
    return file;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String base() {
    return base;
  }

  /** The admin's bearer token. */
  public String token() {
    return token;
  }

  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** POSTs JSON as the admin; fails the test unless 200 or 201. */
  public JsonNode post(String path, Object body) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isBetween(200, 201);
    return JSON.readTree(r.body());
  }

  /** GETs as the admin; fails the test unless 200. */
  public JsonNode get(String path) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    b.timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitHealthy() throws Exception {
    Instant deadline = Instant.now().plus(START_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("server running:\n%s", log()).isTrue();
      try {
        if (send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).GET()).statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("server not healthy in time:\n" + log());
  }

  /** The java of this JVM, for child processes. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Stops a child process, forcibly after 20 s. */
  public static void stop(Process p) throws InterruptedException {
    if (p != null) {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() {
    try {
      stop(process);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
