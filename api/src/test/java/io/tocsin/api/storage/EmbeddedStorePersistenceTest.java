package io.tocsin.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.TocsinApplication;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded store keeps data (users, the generated JWT key) across restarts. */
class EmbeddedStorePersistenceTest {

  @TempDir Path dataDir;

  @Test
  void restartOnSameDataDirThenUsersAndTokensSurvive() {
    String token;
    String userId;
    try (ConfigurableApplicationContext first = start()) {
      ApiClient admin = client(first).bearer(login(client(first), "admin", "first-start-pw"));
      Response created =
          admin.post(
              "/api/v1/users",
              Map.of("email", "kept@example.com", "password", "kept-password", "role", "analyst"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      userId = created.text("id");
      token = login(client(first), "kept@example.com", "kept-password");
    }

    try (ConfigurableApplicationContext second = start()) {
      ApiClient api = client(second);
      assertThat(login(api, "kept@example.com", "kept-password")).isNotBlank();
      assertThat(login(api, "admin", "first-start-pw")).isNotBlank();
      Response me = api.bearer(token).get("/api/v1/users/me");
      assertThat(me.status()).as("token issued before restart").isEqualTo(200);
      assertThat(me.text("id")).isEqualTo(userId);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(TocsinApplication.class)
        .run(
            "--server.port=0",
            "--tocsin.data-dir=" + dataDir,
            "--tocsin.admin-password=first-start-pw",
            "--tocsin.jwt.secret=");
  }

  private static ApiClient client(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new ApiClient("http://localhost:" + port);
  }

  private static String login(ApiClient api, String username, String password) {
    Response response =
        api.post("/api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.text("token");
  }
}
