package io.tocsin.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of end-to-end tests: one server (a context cached and shared by every subclass, so keep the
 * configuration here) on a random port over real HTTP, with its own temporary embedded store.
 * Subclasses log in with {@link #admin()} and create users with {@link #userWithRole}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + ApiTest.ADMIN_PASSWORD,
      "tocsin.jwt.secret=" + ApiTest.JWT_SECRET,
      "tocsin.max-body-size=64KB",
      "tocsin.login.max-failures=5",
      "tocsin.bcrypt-strength=4"
    })
public abstract class ApiTest {

  public static final String ADMIN_PASSWORD = "admin-test-password";
  public static final String JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";
  public static final String PASSWORD = "correct horse battery";

  private static final Path DATA_DIR = tempDir();

  /** Per server (port): a test class with its own context has its own store and admin. */
  private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("tocsin.data-dir", DATA_DIR::toString);
  }

  /** An anonymous client. */
  protected ApiClient anonymous() {
    return new ApiClient("http://localhost:" + port);
  }

  /** A client logged in as the bootstrap admin (platform admin of {@code default}). */
  protected ApiClient admin() {
    return anonymous()
        .bearer(ADMIN_TOKENS.computeIfAbsent(port, p -> login("admin", ADMIN_PASSWORD)));
  }

  protected String login(String username, String password) {
    ApiClient.Response response =
        anonymous().post("/api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.text("token");
  }

  /** Creates a user with a unique name in the tenant {@code admin} acts in; returns its client. */
  protected TestUser userWithRole(ApiClient admin, String role) {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Response created =
        admin.post(
            "/api/v1/users",
            Map.of(
                "email",
                name + "@example.com",
                "username",
                name,
                "password",
                PASSWORD,
                "role",
                role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new TestUser(created.text("id"), name, anonymous().bearer(login(name, PASSWORD)));
  }

  /**
   * A user created for a test.
   *
   * @param id id
   * @param username username (password {@link #PASSWORD})
   * @param client a client logged in as the user
   */
  public record TestUser(String id, String username, ApiClient client) {}

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tocsin-test-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
