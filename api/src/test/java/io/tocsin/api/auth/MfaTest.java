package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import io.tocsin.api.user.User;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * TOTP login. Codes are computed for steps counted from the step the test starts in: the server
 * accepts one step of drift either way, and each step only once (issue 18: the same code was
 * accepted twice), so each use takes the next step.
 */
class MfaTest extends ApiTest {

  @Autowired MongoTemplate mongo;

  @Test
  void loginWhenMfaEnabledThenCodeRequiredAndChecked() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    long step = Instant.now().getEpochSecond() / 30;
    String secret = enable(user, step);

    Response withoutCode = loginWithCode(user.username(), null);
    assertThat(withoutCode.status()).isEqualTo(401);
    assertThat(withoutCode.body().path("error").path("details").path("mfa_required").asBoolean())
        .isTrue();

    assertThat(loginWithCode(user.username(), "123456").status()).isEqualTo(401);
    Response withCode = loginWithCode(user.username(), code(secret, step + 1));
    assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
    assertThat(withCode.text("token")).isNotBlank();
  }

  @Test
  void sameCodeTwiceThenSecondRefused() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    long step = Instant.now().getEpochSecond() / 30;
    String secret = enable(user, step);
    String code = code(secret, step + 1);

    assertThat(loginWithCode(user.username(), code).status()).isEqualTo(200);
    Response replay = loginWithCode(user.username(), code);

    assertThat(replay.status()).as(replay.toString()).isEqualTo(401);
    assertThat(replay.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }

  @Test
  void confirmCodeCannotBeReplayedAtLogin() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    long step = Instant.now().getEpochSecond() / 30;
    String secret = enable(user, step + 1);

    assertThat(loginWithCode(user.username(), code(secret, step + 1)).status()).isEqualTo(401);
    assertThat(loginWithCode(user.username(), code(secret, step)).status()).isEqualTo(401);
  }

  @Test
  void enablingMfaEndsTheUsersSessions() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    enable(user, Instant.now().getEpochSecond() / 30);

    assertThat(user.client().get("/api/v1/users/me").status()).isEqualTo(401);
  }

  @Test
  void adminResetsLostMfaThenUserLogsInWithPasswordAlone() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    String secret = enable(user, Instant.now().getEpochSecond() / 30);
    String token =
        loginWithCode(user.username(), code(secret, Instant.now().getEpochSecond() / 30 + 1))
            .text("token");

    assertThat(admin().put("/api/v1/users/" + user.id(), Map.of("mfa_enabled", true)).status())
        .isEqualTo(400);
    Response reset = admin().put("/api/v1/users/" + user.id(), Map.of("mfa_enabled", false));

    assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    assertThat(reset.body().path("mfa_enabled").asBoolean(true)).isFalse();
    assertThat(anonymous().bearer(token).get("/api/v1/users/me").status()).isEqualTo(401);
    assertThat(loginWithCode(user.username(), null).status()).isEqualTo(200);
    assertThat(stored(user).get("mfaSecret")).isNull();
  }

  @Test
  void secretsAreEncryptedAtRest() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    Response enrol = user.client().post("/api/v1/auth/mfa/enroll", null);
    String secret = enrol.text("secret");
    assertThat(stored(user).getString("mfaPendingSecret")).startsWith("v1:").doesNotContain(secret);

    long step = Instant.now().getEpochSecond() / 30;
    user.client().post("/api/v1/auth/mfa/confirm", Map.of("code", code(secret, step)));

    Document stored = stored(user);
    assertThat(stored.getBoolean("mfaEnabled")).isTrue();
    assertThat(stored.getString("mfaSecret")).startsWith("v1:").doesNotContain(secret);
    assertThat(stored.get("mfaPendingSecret")).isNull();
  }

  /** Secrets stored in clear by older versions keep working and are encrypted when first read. */
  @Test
  void plaintextSecretIsMigratedOnRead() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(user.id())),
        new Update().set("mfaEnabled", true).set("mfaSecret", secret),
        User.class);

    long step = Instant.now().getEpochSecond() / 30;
    Response login = loginWithCode(user.username(), code(secret, step));

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(stored(user).getString("mfaSecret")).startsWith("v1:").doesNotContain(secret);
    assertThat(loginWithCode(user.username(), code(secret, step + 1)).status()).isEqualTo(200);
  }

  private String enable(TestUser user, long confirmStep) throws CodeGenerationException {
    Response enrol = user.client().post("/api/v1/auth/mfa/enroll", null);
    assertThat(enrol.status()).as(enrol.toString()).isEqualTo(200);
    String secret = enrol.text("secret");
    assertThat(enrol.text("otpauth_uri")).startsWith("otpauth://totp/").contains(secret);
    assertThat(user.client().post("/api/v1/auth/mfa/confirm", Map.of("code", "000000")).status())
        .isEqualTo(400);
    Response confirm =
        user.client().post("/api/v1/auth/mfa/confirm", Map.of("code", code(secret, confirmStep)));
    assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
    return secret;
  }

  private Document stored(TestUser user) {
    return mongo.findById(user.id(), Document.class, "users");
  }

  private Response loginWithCode(String username, String code) {
    Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
    if (code != null) {
      body.put("mfa_code", code);
    }
    return anonymous().post("/api/v1/auth/login", body);
  }

  private static String code(String secret, long step) throws CodeGenerationException {
    return new DefaultCodeGenerator().generate(secret, step);
  }
}
