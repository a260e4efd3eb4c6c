package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import io.tocsin.api.user.User;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Issue 18: tokens outlived the account changes that should end them (a deleted admin's token
 * created an admin, a demoted admin's token created an API key, a refresh token from before a
 * password change still refreshed). Every request now re-checks the token's user.
 */
class SessionRevocationTest extends ApiTest {

  @Autowired MongoTemplate mongo;

  @Test
  void deletedAdminsTokenThen401() {
    TestUser other = userWithRole(admin(), "admin");
    assertThat(other.client().get("/api/v1/users").status()).isEqualTo(200);

    assertThat(admin().delete("/api/v1/users/" + other.id()).status()).isEqualTo(204);

    Response created = other.client().post("/api/v1/users", newUser("admin"));
    assertThat(created.status()).as(created.toString()).isEqualTo(401);
    assertThat(created.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }

  @Test
  void demotedAdminsTokenCannotCreateApiKeyThen403() {
    TestUser other = userWithRole(admin(), "admin");
    assertThat(admin().put("/api/v1/users/" + other.id(), Map.of("role", "viewer")).status())
        .isEqualTo(200);

    Response key = other.client().post("/api/v1/api-keys", Map.of("name", "sneaky"));
    assertThat(key.status()).as(key.toString()).isEqualTo(403);
    assertThat(key.errorCode()).isEqualTo("AUTHORIZATION_ERROR");
    assertThat(other.client().get("/api/v1/users/me").body().path("role").asString())
        .isEqualTo("viewer");
  }

  @Test
  void refreshTokenIssuedBeforePasswordChangeThen401() {
    TestUser user = userWithRole(admin(), "analyst");
    Response login = loginFull(user.username(), PASSWORD);

    assertThat(
            admin()
                .put("/api/v1/users/" + user.id(), Map.of("password", "a brand new password"))
                .status())
        .isEqualTo(200);

    Response refresh =
        anonymous()
            .post("/api/v1/auth/refresh", Map.of("refresh_token", login.text("refresh_token")));
    assertThat(refresh.status()).as(refresh.toString()).isEqualTo(401);
    assertThat(bearer(login).get("/api/v1/users/me").status()).isEqualTo(401);
    assertThat(login(user.username(), "a brand new password")).isNotBlank();
  }

  @Test
  void logoutAllEndsEverySessionOfTheUserOnly() {
    TestUser user = userWithRole(admin(), "analyst");
    TestUser bystander = userWithRole(admin(), "analyst");
    Response first = loginFull(user.username(), PASSWORD);
    Response second = loginFull(user.username(), PASSWORD);

    assertThat(bearer(first).post("/api/v1/auth/logout-all", null).status()).isEqualTo(204);

    assertThat(bearer(first).get("/api/v1/users/me").status()).isEqualTo(401);
    assertThat(bearer(second).get("/api/v1/users/me").status()).isEqualTo(401);
    assertThat(
            anonymous()
                .post("/api/v1/auth/refresh", Map.of("refresh_token", second.text("refresh_token")))
                .status())
        .isEqualTo(401);
    assertThat(bystander.client().get("/api/v1/users/me").status()).isEqualTo(200);
    assertThat(login(user.username(), PASSWORD)).isNotBlank();
  }

  @Test
  void adminRevokesAUsersSessions() {
    TestUser user = userWithRole(admin(), "viewer");

    assertThat(admin().delete("/api/v1/users/" + user.id() + "/sessions").status()).isEqualTo(204);

    assertThat(user.client().get("/api/v1/users/me").status()).isEqualTo(401);
    assertThat(user.client().delete("/api/v1/users/" + user.id() + "/sessions").status())
        .isEqualTo(401);
  }

  @Test
  void deactivatedUserThen401AndCannotLogInUntilReactivated() {
    TestUser user = userWithRole(admin(), "analyst");

    Response off = admin().put("/api/v1/users/" + user.id(), Map.of("active", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(off.body().path("active").asBoolean(true)).isFalse();

    assertThat(user.client().get("/api/v1/users/me").status()).isEqualTo(401);
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", user.username(), "password", PASSWORD));
    assertThat(login.status()).isEqualTo(401);

    admin().put("/api/v1/users/" + user.id(), Map.of("active", true));
    assertThat(login(user.username(), PASSWORD)).isNotBlank();
  }

  /**
   * Another server on the same database changes the user document without telling this one: the
   * change takes effect here once this server's cached view expires (seconds).
   */
  @Test
  void changeMadeThroughAnotherServerTakesEffectWithinSeconds() {
    TestUser demoted = userWithRole(admin(), "admin");
    TestUser revoked = userWithRole(admin(), "analyst");
    assertThat(demoted.client().get("/api/v1/api-keys").status()).isEqualTo(200);
    assertThat(revoked.client().get("/api/v1/users/me").status()).isEqualTo(200);

    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(demoted.id())),
        new Update().set("role", "VIEWER"),
        User.class);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(revoked.id())),
        new Update().inc("sessionVersion", 1),
        User.class);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(demoted.client().get("/api/v1/api-keys").status()).isEqualTo(403);
              assertThat(revoked.client().get("/api/v1/users/me").status()).isEqualTo(401);
            });
  }

  private Response loginFull(String username, String password) {
    Response login =
        anonymous().post("/api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login;
  }

  private ApiClient bearer(Response login) {
    return anonymous().bearer(login.text("token"));
  }

  private static Map<String, Object> newUser(String role) {
    String name = "made-" + UUID.randomUUID().toString().substring(0, 8);
    return Map.of(
        "email", name + "@example.com", "username", name, "password", PASSWORD, "role", role);
  }
}
