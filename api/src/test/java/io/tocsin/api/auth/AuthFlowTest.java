package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthFlowTest extends ApiTest {

  @Test
  void loginWhenCredentialsRightThenTokensAndUserInSeedShape() {
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.text("token")).isNotBlank().isEqualTo(login.text("access_token"));
    assertThat(login.text("token_type")).isEqualTo("Bearer");
    assertThat(login.body().path("expires_in").asLong()).isEqualTo(3600);
    assertThat(login.text("expires_at")).isNotBlank();
    assertThat(login.text("refresh_token")).startsWith("rt_");
    assertThat(login.body().path("user").path("id").asString()).isEqualTo(login.text("user_id"));
    assertThat(login.body().path("user").path("email").asString()).isEqualTo("admin@tocsin.local");
    assertThat(login.body().path("user").path("role").asString()).isEqualTo("admin");
    assertThat(login.text("role")).isEqualTo("admin");
  }

  @Test
  void loginWhenPasswordWrongThen401() {
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", "admin", "password", "nope-nope"));

    assertThat(login.status()).isEqualTo(401);
    assertThat(login.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }

  @Test
  void loginWhenUserUnknownThen401() {
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", "ghost", "password", "whatever1"));

    assertThat(login.status()).isEqualTo(401);
  }

  @Test
  void loginWithEmailOrUsernameBothWork() {
    TestUser user = userWithRole(admin(), "analyst");

    assertThat(login(user.username() + "@example.com", PASSWORD)).isNotBlank();
    assertThat(login(user.username().toUpperCase(), PASSWORD)).isNotBlank();
  }

  @Test
  void refreshWhenTokenUsedThenNewPairAndOldOneRefused() {
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
    String refresh = login.text("refresh_token");

    Response refreshed = anonymous().post("/api/v1/auth/refresh", Map.of("refresh_token", refresh));
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.text("refresh_token")).isNotEqualTo(refresh);
    assertThat(anonymous().bearer(refreshed.text("token")).get("/api/v1/users/me").status())
        .isEqualTo(200);

    Response again = anonymous().post("/api/v1/auth/refresh", Map.of("refresh_token", refresh));
    assertThat(again.status()).isEqualTo(401);
  }

  @Test
  void refreshWhenOldTokenReusedThenWholeFamilyRevoked() {
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
    String first = login.text("refresh_token");
    String second =
        anonymous()
            .post("/api/v1/auth/refresh", Map.of("refresh_token", first))
            .text("refresh_token");

    anonymous().post("/api/v1/auth/refresh", Map.of("refresh_token", first));

    assertThat(anonymous().post("/api/v1/auth/refresh", Map.of("refresh_token", second)).status())
        .isEqualTo(401);
  }

  @Test
  void logoutThenAccessTokenAndRefreshTokenRefused() {
    TestUser user = userWithRole(admin(), "viewer");
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", user.username(), "password", PASSWORD));
    ApiClient client = anonymous().bearer(login.text("token"));
    assertThat(client.get("/api/v1/users/me").status()).isEqualTo(200);

    Response logout =
        client.post("/api/v1/auth/logout", Map.of("refresh_token", login.text("refresh_token")));

    assertThat(logout.status()).isEqualTo(204);
    Response after = client.get("/api/v1/users/me");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
    assertThat(
            anonymous()
                .post("/api/v1/auth/refresh", Map.of("refresh_token", login.text("refresh_token")))
                .status())
        .isEqualTo(401);
  }

  @Test
  void registerWhenAnonymousAndSelfRegistrationOffThen401() {
    Response register =
        anonymous()
            .post(
                "/api/v1/auth/register",
                Map.of("email", "self@example.com", "password", "long-enough-1"));

    assertThat(register.status()).isEqualTo(401);
  }

  @Test
  void registerWhenNotAdminThen403() {
    TestUser analyst = userWithRole(admin(), "analyst");

    Response register =
        analyst
            .client()
            .post(
                "/api/v1/auth/register",
                Map.of(
                    "email",
                    "x-" + analyst.username() + "@example.com",
                    "password",
                    "long-enough-1"));

    assertThat(register.status()).isEqualTo(403);
  }

  @Test
  void registerWhenAdminThenUserCreatedWithRole() {
    String email = "reg-" + System.nanoTime() + "@example.com";

    Response register =
        admin()
            .post(
                "/api/v1/auth/register",
                Map.of("email", email, "password", "long-enough-1", "role", "detection_engineer"));

    assertThat(register.status()).isEqualTo(201);
    assertThat(register.text("role")).isEqualTo("detection_engineer");
    assertThat(login(email, "long-enough-1")).isNotBlank();
  }

  @Test
  void createUserWithoutPasswordThenSetPasswordTokenWorksOnce() {
    String email = "invitee-" + System.nanoTime() + "@example.com";
    Response created = admin().post("/api/v1/users", Map.of("email", email, "role", "analyst"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("username")).isEqualTo(email);
    String token = created.text("set_password_token");
    assertThat(token).startsWith("spt_");

    Response set =
        anonymous()
            .post(
                "/api/v1/auth/set-password", Map.of("token", token, "password", "my-new-password"));
    assertThat(set.status()).isEqualTo(204);
    assertThat(login(email, "my-new-password")).isNotBlank();

    Response reuse =
        anonymous()
            .post(
                "/api/v1/auth/set-password",
                Map.of("token", token, "password", "another-password"));
    assertThat(reuse.status()).isEqualTo(400);
  }
}
