package io.tocsin.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.TocsinApplication;
import io.tocsin.api.support.ApiClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code TOCSIN_ADMIN_PASSWORD} on a data directory that already has users: not applied, but said
 * so at WARN (it used to be ignored silently); {@code TOCSIN_ADMIN_PASSWORD_RESET=true} applies it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordResetTest {

  @TempDir Path dataDir;

  @Test
  void passwordOnExistingDataDirIsIgnoredWithWarningUntilResetIsAsked(CapturedOutput output) {
    try (ConfigurableApplicationContext first = start("first-password", false)) {
      assertThat(loginStatus(first, "first-password")).isEqualTo(200);
    }

    try (ConfigurableApplicationContext second = start("second-password", false)) {
      assertThat(loginStatus(second, "second-password")).isEqualTo(401);
      assertThat(loginStatus(second, "first-password")).isEqualTo(200);
      assertThat(output.getOut())
          .contains("WARN")
          .contains("TOCSIN_ADMIN_PASSWORD is ignored")
          .contains("TOCSIN_ADMIN_PASSWORD_RESET=true");
    }

    try (ConfigurableApplicationContext third = start("second-password", true)) {
      assertThat(loginStatus(third, "second-password")).isEqualTo(200);
      assertThat(loginStatus(third, "first-password")).isEqualTo(401);
      assertThat(output.getOut()).contains("Reset the password of user 'admin'");
    }
  }

  private ConfigurableApplicationContext start(String adminPassword, boolean reset) {
    return new SpringApplicationBuilder(TocsinApplication.class)
        .run(
            "--server.port=0",
            "--tocsin.data-dir=" + dataDir,
            "--tocsin.admin-password=" + adminPassword,
            "--tocsin.admin-password-reset=" + reset,
            "--tocsin.bcrypt-strength=4",
            "--tocsin.load-builtin-policies=false",
            "--tocsin.jwt.secret=");
  }

  private static int loginStatus(ConfigurableApplicationContext context, String password) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new ApiClient("http://localhost:" + port)
        .post("/api/v1/auth/login", Map.of("username", "admin", "password", password))
        .status();
  }
}
