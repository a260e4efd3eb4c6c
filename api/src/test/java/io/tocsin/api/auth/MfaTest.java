package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MfaTest extends ApiTest {

  @Test
  void loginWhenMfaEnabledThenCodeRequiredAndChecked() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    Response enrol = user.client().post("/api/v1/auth/mfa/enroll", null);
    assertThat(enrol.status()).as(enrol.toString()).isEqualTo(200);
    String secret = enrol.text("secret");
    assertThat(enrol.text("otpauth_uri")).startsWith("otpauth://totp/").contains(secret);

    assertThat(user.client().post("/api/v1/auth/mfa/confirm", Map.of("code", "000000")).status())
        .isEqualTo(400);
    Response confirm = user.client().post("/api/v1/auth/mfa/confirm", Map.of("code", code(secret)));
    assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);

    Response withoutCode = loginWithCode(user.username(), null);
    assertThat(withoutCode.status()).isEqualTo(401);
    assertThat(withoutCode.body().path("error").path("details").path("mfa_required").asBoolean())
        .isTrue();

    assertThat(loginWithCode(user.username(), "123456").status()).isEqualTo(401);
    Response withCode = loginWithCode(user.username(), code(secret));
    assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
    assertThat(withCode.text("token")).isNotBlank();
  }

  private Response loginWithCode(String username, String code) {
    Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
    if (code != null) {
      body.put("mfa_code", code);
    }
    return anonymous().post("/api/v1/auth/login", body);
  }

  private static String code(String secret) throws CodeGenerationException {
    return new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
  }
}
