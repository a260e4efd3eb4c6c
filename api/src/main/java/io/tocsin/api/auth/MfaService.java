package io.tocsin.api.auth;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.TimeProvider;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.user.User;
import io.tocsin.api.user.UserRepository;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Optional TOTP (RFC 6238, 30 s, 6 digits): enrol, confirm with a first code, disable. */
@Service
class MfaService {

  private final UserRepository users;
  private final CodeVerifier verifier;
  private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

  MfaService(UserRepository users, Clock clock) {
    this.users = users;
    TimeProvider time = () -> clock.instant().getEpochSecond();
    DefaultCodeVerifier codeVerifier = new DefaultCodeVerifier(new DefaultCodeGenerator(), time);
    codeVerifier.setAllowedTimePeriodDiscrepancy(1);
    this.verifier = codeVerifier;
  }

  boolean verify(User user, String code) {
    return user.isMfaEnabled()
        && code != null
        && verifier.isValidCode(user.getMfaSecret(), code.trim());
  }

  Map<String, Object> enrol(User user) {
    if (user.isMfaEnabled()) {
      throw ApiException.conflict("MFA is already enabled; disable it first");
    }
    String secret = secrets.generate();
    user.setMfaPendingSecret(secret);
    users.save(user);
    String label = URLEncoder.encode("Tocsin:" + user.getUsername(), StandardCharsets.UTF_8);
    String uri =
        "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Tocsin&digits=6&period=30";
    return Map.of("secret", secret, "otpauth_uri", uri);
  }

  void confirm(User user, String code) {
    String pending = user.getMfaPendingSecret();
    if (pending == null) {
      throw ApiException.badRequest("No MFA enrolment in progress; call /auth/mfa/enroll first");
    }
    if (code == null || !verifier.isValidCode(pending, code.trim())) {
      throw ApiException.badRequest(
          "Invalid MFA code", Map.of("fields", Map.of("code", "invalid")));
    }
    user.setMfaSecret(pending);
    user.setMfaPendingSecret(null);
    user.setMfaEnabled(true);
    users.save(user);
  }

  void disable(User user, String code) {
    if (!verify(user, code)) {
      throw ApiException.badRequest(
          "Invalid MFA code", Map.of("fields", Map.of("code", "invalid")));
    }
    user.setMfaEnabled(false);
    user.setMfaSecret(null);
    users.save(user);
  }
}
