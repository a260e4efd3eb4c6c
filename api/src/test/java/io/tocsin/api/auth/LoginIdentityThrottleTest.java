package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Issue 18: a locked username still logged in through variants (case, spaces, the email), and 150
 * usernames sprayed from one address were all answered 401, never 429.
 */
class LoginIdentityThrottleTest extends ApiTest {

  @Autowired MongoTemplate mongo;

  /** Every test here comes from 127.0.0.1: forget its failures so other tests can log in. */
  @AfterEach
  void forgetFailures() {
    mongo.remove(new Query(), LoginThrottle.COLLECTION);
  }

  @Test
  void lockedAccountStaysLockedThroughEveryVariantOfItsName() {
    TestUser user = userWithRole(admin(), "viewer");
    List<String> variants =
        List.of(
            user.username(),
            user.username().toUpperCase(),
            "  " + user.username() + " ",
            user.username() + "@example.com",
            " " + user.username().toUpperCase() + "@EXAMPLE.COM",
            fullWidth(user.username()));
    for (int i = 0; i < 5; i++) {
      Response failure = attempt(variants.get(i % variants.size()), "wrong-" + i);
      assertThat(failure.status()).as(failure.toString()).isEqualTo(401);
    }

    for (String variant : variants) {
      Response blocked = attempt(variant, PASSWORD);
      assertThat(blocked.status()).as(variant + ": " + blocked).isEqualTo(429);
      assertThat(blocked.errorCode()).isEqualTo("RATE_LIMITED");
      assertThat(blocked.header("Retry-After")).isNotBlank();
    }
  }

  @Test
  void sprayingManyUsernamesFromOneAddressThen429WellBefore150() {
    int refusedAt = -1;
    Response refused = null;
    for (int i = 0; i < 150 && refusedAt < 0; i++) {
      Response response = attempt("spray-" + i + "@example.com", "Winter2026!");
      if (response.status() == 429) {
        refusedAt = i;
        refused = response;
      } else {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
      }
    }

    assertThat(refusedAt).as("attempt answered 429").isBetween(1, 40);
    assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("30");
    assertThat(refused.text("request_id")).startsWith("req_");
    TestUser bystander = userWithRoleWithoutLogin();
    assertThat(attempt(bystander.username(), PASSWORD).status()).isEqualTo(429);
  }

  /** The counters live in the database: failures another server counted lock the account here. */
  @Test
  void failuresCountedByAnotherServerLockTheAccountHere() {
    TestUser user = userWithRole(admin(), "viewer");
    Instant now = Instant.now();
    mongo.insert(
        new Document("_id", "account:user:" + user.id())
            .append("count", 5)
            .append("since", Date.from(now))
            .append("expiresAt", Date.from(now.plusSeconds(900))),
        LoginThrottle.COLLECTION);

    Response blocked = attempt(user.username().toUpperCase(), PASSWORD);

    assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
  }

  private TestUser userWithRoleWithoutLogin() {
    String name = "bystander-" + System.nanoTime();
    Response created =
        admin()
            .post(
                "/api/v1/users",
                Map.of("email", name + "@example.com", "username", name, "password", PASSWORD));
    assertThat(created.status()).isEqualTo(201);
    return new TestUser(created.text("id"), name, null);
  }

  /** The name in full-width letters (U+FF01..), which NFKC folds back to ASCII. */
  private static String fullWidth(String name) {
    StringBuilder out = new StringBuilder();
    name.chars().forEach(c -> out.append(c > ' ' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
    return out.toString();
  }

  private Response attempt(String username, String password) {
    return anonymous()
        .post("/api/v1/auth/login", Map.of("username", username, "password", password));
  }
}
