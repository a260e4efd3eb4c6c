package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginThrottleHttpTest extends ApiTest {

  @Test
  void loginWhenFiveFailuresThen429EvenWithRightPassword() {
    TestUser user = userWithRole(admin(), "viewer");
    for (int i = 0; i < 5; i++) {
      Response failure =
          anonymous()
              .post(
                  "/api/v1/auth/login",
                  Map.of("username", user.username(), "password", "wrong-" + i));
      assertThat(failure.status()).isEqualTo(401);
    }

    Response blocked =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", user.username(), "password", PASSWORD));

    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(blocked.header("X-RateLimit-Limit")).isEqualTo("5");
    assertThat(blocked.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(blocked.header("X-RateLimit-Reset")))
        .isGreaterThan(Instant.now().getEpochSecond());
    assertThat(blocked.header("Retry-After")).isNotBlank();
    assertThat(blocked.text("request_id")).startsWith("req_");
  }

  @Test
  void loginWhenFewerFailuresThanLimitThenSuccessResetsCount() {
    TestUser user = userWithRole(admin(), "viewer");
    for (int i = 0; i < 4; i++) {
      anonymous()
          .post("/api/v1/auth/login", Map.of("username", user.username(), "password", "bad"));
    }
    assertThat(login(user.username(), PASSWORD)).isNotBlank();
    for (int i = 0; i < 4; i++) {
      anonymous()
          .post("/api/v1/auth/login", Map.of("username", user.username(), "password", "bad"));
    }

    assertThat(login(user.username(), PASSWORD)).isNotBlank();
  }
}
