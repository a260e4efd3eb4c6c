package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Access tokens that must be refused: each is otherwise a valid admin token. */
class JwtValidationTest extends ApiTest {

  private static final SecretKey KEY =
      Keys.hmacShaKeyFor(JWT_SECRET.getBytes(StandardCharsets.UTF_8));

  @Test
  void tokenWhenWellFormedAndSignedThenAccepted() {
    String subject = userWithRole(admin(), "viewer").id();

    assertThat(call(token(KEY, Instant.now().plusSeconds(600), subject)).status()).isEqualTo(200);
  }

  /** Issue 18: a well-signed token is not enough; its user must exist (and be active). */
  @Test
  void tokenWhenUserDoesNotExistThen401() {
    assertRefused(call(token(KEY, Instant.now().plusSeconds(600))));
  }

  @Test
  void tokenWhenExpiredThen401() {
    assertRefused(call(token(KEY, Instant.now().minusSeconds(60))));
  }

  @Test
  void tokenWhenSignedWithAnotherKeyThen401() {
    SecretKey other =
        Keys.hmacShaKeyFor(
            "another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8));
    assertRefused(call(token(other, Instant.now().plusSeconds(600))));
  }

  @Test
  void tokenWhenPayloadTamperedThen401() {
    String[] parts = token(KEY, Instant.now().plusSeconds(600)).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String escalated = payload.replace("\"role\":\"viewer\"", "\"role\":\"admin\"");
    assertThat(escalated).isNotEqualTo(payload);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(escalated.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertRefused(call(tampered));
  }

  @Test
  void tokenWhenAlgNoneThen401() {
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload =
        b64(
            "{\"jti\":\"x\",\"iss\":\"tocsin\",\"sub\":\"admin\",\"tid\":\"default\",\"role\":\"admin\","
                + "\"iat\":"
                + Instant.now().getEpochSecond()
                + ",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond()
                + "}");

    assertRefused(call(header + "." + payload + "."));
  }

  @Test
  void tokenWhenGarbageThen401() {
    assertRefused(call("not-a-jwt"));
  }

  @Test
  void requestWhenNoTokenThen401() {
    Response response = anonymous().get("/api/v1/users/me");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }

  private Response call(String token) {
    return anonymous().bearer(token).get("/api/v1/tenants");
  }

  private static void assertRefused(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
    assertThat(response.text("request_id")).startsWith("req_");
  }

  private static String token(SecretKey key, Instant expires) {
    return token(key, expires, "some-user");
  }

  /** A viewer token of {@code default}, as the server would issue it. */
  private static String token(SecretKey key, Instant expires, String subject) {
    return Jwts.builder()
        .id(UUID.randomUUID().toString())
        .issuer("tocsin")
        .subject(subject)
        .claim("tid", "default")
        .claim("role", "viewer")
        .claim("usr", "someone")
        .issuedAt(Date.from(expires.minusSeconds(3600)))
        .expiration(Date.from(expires))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
