package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.tocsin.api.TocsinApplication;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two servers on one database (a wire-compatible in-memory store stands in for MongoDB): what one
 * server changes about an account, a TOTP code it accepted and the login failures it counted hold
 * on the other too.
 */
class TwoServersTest {

  private static final String PASSWORD = "correct horse battery";
  private static final String ADMIN_PASSWORD = "two-servers-admin";

  @TempDir static Path dataDir;
  private static MongoServer database;
  private static ConfigurableApplicationContext serverA;
  private static ConfigurableApplicationContext serverB;
  private static ApiClient a;
  private static ApiClient b;

  @BeforeAll
  static void start() {
    database = new MongoServer(H2Backend.inMemory());
    String uri = database.bindAndGetConnectionString() + "/tocsin";
    serverA = server(uri, "a");
    serverB = server(uri, "b");
    a = new ApiClient("http://localhost:" + port(serverA));
    b = new ApiClient("http://localhost:" + port(serverB));
  }

  @AfterAll
  static void stop() {
    if (serverB != null) {
      serverB.close();
    }
    if (serverA != null) {
      serverA.close();
    }
    if (database != null) {
      database.shutdownNow();
    }
  }

  @Test
  void demotionAndDeletionThroughOneServerEndTheTokenOnTheOther() {
    ApiClient adminB = b.bearer(token(b, "admin", ADMIN_PASSWORD));
    String[] demoted = createUser(adminB, "admin");
    String[] deleted = createUser(adminB, "admin");
    ApiClient demotedAtA = a.bearer(token(a, demoted[1], PASSWORD));
    ApiClient deletedAtA = a.bearer(token(a, deleted[1], PASSWORD));
    assertThat(demotedAtA.get("/api/v1/api-keys").status()).isEqualTo(200);
    assertThat(deletedAtA.get("/api/v1/users").status()).isEqualTo(200);

    assertThat(adminB.put("/api/v1/users/" + demoted[0], Map.of("role", "viewer")).status())
        .isEqualTo(200);
    assertThat(adminB.delete("/api/v1/users/" + deleted[0]).status()).isEqualTo(204);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(demotedAtA.post("/api/v1/api-keys", Map.of("name", "k")).status())
                  .isEqualTo(403);
              assertThat(deletedAtA.post("/api/v1/users", Map.of()).status()).isEqualTo(401);
            });
  }

  @Test
  void passwordChangeThroughOneServerRefusesRefreshOnTheOther() {
    ApiClient adminA = a.bearer(token(a, "admin", ADMIN_PASSWORD));
    String[] user = createUser(adminA, "analyst");
    Response login = login(b, user[1], PASSWORD, null);

    adminA.put("/api/v1/users/" + user[0], Map.of("password", "another long password"));

    Response refresh =
        b.post("/api/v1/auth/refresh", Map.of("refresh_token", login.text("refresh_token")));
    assertThat(refresh.status()).as(refresh.toString()).isEqualTo(401);
  }

  @Test
  void totpCodeUsedOnOneServerIsRefusedOnTheOther() throws CodeGenerationException {
    ApiClient adminA = a.bearer(token(a, "admin", ADMIN_PASSWORD));
    String[] user = createUser(adminA, "analyst");
    ApiClient userA = a.bearer(token(a, user[1], PASSWORD));
    String secret = userA.post("/api/v1/auth/mfa/enroll", null).text("secret");
    long step = Instant.now().getEpochSecond() / 30;
    DefaultCodeGenerator codes = new DefaultCodeGenerator();
    assertThat(
            userA
                .post("/api/v1/auth/mfa/confirm", Map.of("code", codes.generate(secret, step)))
                .status())
        .isEqualTo(200);
    String code = codes.generate(secret, step + 1);

    assertThat(login(a, user[1], PASSWORD, code).status()).isEqualTo(200);
    Response replay = a.post("/api/v1/auth/login", loginBody(user[1], PASSWORD, code));
    Response replayElsewhere = b.post("/api/v1/auth/login", loginBody(user[1], PASSWORD, code));

    assertThat(replay.status()).isEqualTo(401);
    assertThat(replayElsewhere.status()).as(replayElsewhere.toString()).isEqualTo(401);
  }

  @Test
  void failuresCountedOnOneServerLockTheAccountOnTheOther() {
    ApiClient adminA = a.bearer(token(a, "admin", ADMIN_PASSWORD));
    String[] user = createUser(adminA, "viewer");
    for (int i = 0; i < 3; i++) {
      assertThat(a.post("/api/v1/auth/login", loginBody(user[1], "wrong", null)).status())
          .isEqualTo(401);
      assertThat(b.post("/api/v1/auth/login", loginBody(user[1], "wrong", null)).status())
          .isIn(401, 429);
    }

    Response locked =
        b.post("/api/v1/auth/login", loginBody(user[1].toUpperCase(), PASSWORD, null));

    assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).isNotBlank();
  }

  private static String[] createUser(ApiClient admin, String role) {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    Response created =
        admin.post(
            "/api/v1/users",
            Map.of(
                "email", name + "@example.com",
                "username", name,
                "password", PASSWORD,
                "role", role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new String[] {created.text("id"), name};
  }

  private static String token(ApiClient server, String username, String password) {
    return login(server, username, password, null).text("token");
  }

  private static Response login(ApiClient server, String username, String password, String code) {
    Response login = server.post("/api/v1/auth/login", loginBody(username, password, code));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login;
  }

  private static Map<String, Object> loginBody(String username, String password, String code) {
    return code == null
        ? Map.of("username", username, "password", password)
        : Map.of("username", username, "password", password, "mfa_code", code);
  }

  private static ConfigurableApplicationContext server(String uri, String name) {
    return new SpringApplicationBuilder(TocsinApplication.class)
        .run(
            "--server.port=0",
            "--spring.mongodb.uri=" + uri,
            "--tocsin.data-dir=" + dataDir.resolve(name),
            "--tocsin.admin-password=" + ADMIN_PASSWORD,
            "--tocsin.jwt.secret=two-servers-secret-two-servers-secret-0123456789",
            "--tocsin.bcrypt-strength=4",
            "--tocsin.login.max-failures=5");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
