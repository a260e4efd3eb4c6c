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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code target/tocsin.jar} the way the README does ({@code java -jar}), on a
 * free port with a fresh data directory, and logs in. Bound to {@code integration-test}, after
 * {@code package}.
 */
class PackagedJarIT {

  @TempDir Path dataDir;

  @Test
  void packagedJarStartsOnEmbeddedStoreAndAdminCanLogIn() throws Exception {
    Path jar = Path.of("target", "tocsin.jar");
    assertThat(jar).exists();
    int port = freePort();
    Path log = dataDir.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("TOCSIN_DATA_DIR", dataDir.resolve("data").toString());
    builder.environment().put("TOCSIN_ADMIN_PASSWORD", "packaged-jar-pw");
    builder.environment().remove("SPRING_MONGODB_URI");
    builder.environment().remove("SPRING_DATA_MONGODB_URI");
    Process server = builder.start();
    try {
      ApiClient api = new ApiClient("http://localhost:" + port);
      awaitHealthy(api, server, log);

      Response login =
          api.post(
              "/api/v1/auth/login", Map.of("username", "admin", "password", "packaged-jar-pw"));
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
      Response users = api.bearer(login.text("token")).get("/api/v1/users");
      assertThat(users.status()).isEqualTo(200);
      assertThat(users.body().path("total").asInt()).isEqualTo(1);
    } finally {
      server.destroy();
      if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static void awaitHealthy(ApiClient api, Process server, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
