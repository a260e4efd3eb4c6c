package io.tocsin.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code target/tocsin.jar} started with {@code java -jar} on a free port. */
final class PackagedServer {

  static final String ADMIN_PASSWORD = "browser-test-admin-pw";

  private final Process process;
  private final int port;
  private final Path log;

  private PackagedServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static PackagedServer start(Path dir) throws Exception {
    int port = freePort();
    Path log = dir.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    Path.of("target", "tocsin.jar").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("TOCSIN_DATA_DIR", dir.resolve("data").toString());
    env.put("TOCSIN_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("TOCSIN_BCRYPT_STRENGTH", "4");
    env.remove("SPRING_MONGODB_URI");
    env.remove("SPRING_DATA_MONGODB_URI");
    PackagedServer server = new PackagedServer(builder.start(), port, log);
    server.awaitHealthy();
    return server;
  }

  String base() {
    return "http://localhost:" + port;
  }

  ApiClient anonymous() {
    return new ApiClient(base());
  }

  ApiClient login(String username, String password, String tenant) {
    ApiClient api = tenant == null ? anonymous() : anonymous().with("X-Tenant-ID", tenant);
    Response login =
        api.post("/api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    ApiClient client = anonymous().bearer(login.text("token"));
    return tenant == null ? client : client.with("X-Tenant-ID", tenant);
  }

  ApiClient admin() {
    return login("admin", ADMIN_PASSWORD, null);
  }

  private void awaitHealthy() throws Exception {
    ApiClient api = anonymous();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("server exited early:\n" + Files.readString(log));
      }
      try {
        if (api.get("/api/v1/health").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("server not healthy in time:\n" + Files.readString(log));
  }

  void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
