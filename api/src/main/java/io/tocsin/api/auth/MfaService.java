package io.tocsin.api.auth;

import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.user.User;
import io.tocsin.api.user.UserService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Optional TOTP (RFC 6238, 30 s, 6 digits): enrol, confirm with a first code, disable. Secrets are
 * stored encrypted ({@link TotpSecretCipher}); plaintext ones from older versions are encrypted the
 * first time they are read. Each code is accepted once ({@link TotpCodes}). Enabling or disabling
 * MFA ends every session of the user.
 */
@Service
class MfaService {

  private static final Logger LOG = LoggerFactory.getLogger(MfaService.class);
  private static final String SECRET = "mfaSecret";
  private static final String PENDING = "mfaPendingSecret";

  private final MongoTemplate mongo;
  private final UserService users;
  private final TotpCodes codes;
  private final TotpSecretCipher cipher;
  private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

  MfaService(MongoTemplate mongo, UserService users, TotpCodes codes, TotpSecretCipher cipher) {
    this.mongo = mongo;
    this.users = users;
    this.codes = codes;
    this.cipher = cipher;
  }

  /**
   * Whether {@code code} is a fresh valid code of the user. A secret that no longer decrypts
   * (TOCSIN_TOTP_KEY changed) refuses every code; an admin resets the user's MFA to recover.
   */
  boolean verify(User user, String code) {
    if (!user.isMfaEnabled()) {
      return false;
    }
    String secret;
    try {
      secret = readSecret(user, SECRET, user.getMfaSecret());
    } catch (IllegalStateException unreadable) {
      LOG.error("MFA secret of user {} cannot be read", user.getId(), unreadable);
      return false;
    }
    return codes.accept(user.getId(), secret, code);
  }

  MfaViews.MfaEnrollment enrol(User user) {
    if (user.isMfaEnabled()) {
      throw ApiException.conflict("MFA is already enabled; disable it first");
    }
    String secret = secrets.generate();
    set(user.getId(), new Update().set(PENDING, cipher.encrypt(user.getId(), secret)));
    String label = URLEncoder.encode("Tocsin:" + user.getUsername(), StandardCharsets.UTF_8);
    String uri =
        "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Tocsin&digits=6&period=30";
    return new MfaViews.MfaEnrollment(secret, uri);
  }

  void confirm(User user, String code) {
    if (user.getMfaPendingSecret() == null) {
      throw ApiException.badRequest("No MFA enrolment in progress; call /auth/mfa/enroll first");
    }
    String pending = readSecret(user, PENDING, user.getMfaPendingSecret());
    if (!codes.accept(user.getId(), pending, code)) {
      throw ApiException.badRequest(
          "Invalid MFA code", Map.of("fields", Map.of("code", "invalid")));
    }
    set(
        user.getId(),
        new Update()
            .set(SECRET, cipher.encrypt(user.getId(), pending))
            .unset(PENDING)
            .set("mfaEnabled", true));
    users.revokeSessions(user.getId());
  }

  void disable(User user, String code) {
    if (!verify(user, code)) {
      throw ApiException.badRequest(
          "Invalid MFA code", Map.of("fields", Map.of("code", "invalid")));
    }
    set(user.getId(), new Update().set("mfaEnabled", false).unset(SECRET));
    users.revokeSessions(user.getId());
  }

  /** The plaintext secret in {@code field}, encrypting it in place if it was stored in clear. */
  private String readSecret(User user, String field, String stored) {
    if (stored == null || TotpSecretCipher.isEncrypted(stored)) {
      return stored == null ? null : cipher.decrypt(user.getId(), stored);
    }
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(user.getId()).and(field).is(stored)),
        new Update().set(field, cipher.encrypt(user.getId(), stored)),
        User.class);
    return stored;
  }

  private void set(String userId, Update update) {
    mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)), update, User.class);
  }
}
