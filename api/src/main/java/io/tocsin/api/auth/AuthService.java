package io.tocsin.api.auth;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.security.Identities;
import io.tocsin.api.security.Secrets;
import io.tocsin.api.user.User;
import io.tocsin.api.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * Login (the name normalized once, then throttled per account and address), refresh with rotation
 * and reuse detection, logout with revocation.
 */
@Service
public class AuthService {

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final TokenService tokens;
  private final LoginThrottle throttle;
  private final MfaService mfa;
  private final RefreshTokenRepository refreshTokens;
  private final RevokedTokenRepository revoked;
  private final MongoTemplate mongo;
  private final SessionCheck sessions;
  private final Clock clock;
  private final String dummyHash;

  AuthService(
      UserRepository users,
      PasswordEncoder encoder,
      TokenService tokens,
      LoginThrottle throttle,
      MfaService mfa,
      RefreshTokenRepository refreshTokens,
      RevokedTokenRepository revoked,
      MongoTemplate mongo,
      SessionCheck sessions,
      Clock clock) {
    this.sessions = sessions;
    this.users = users;
    this.encoder = encoder;
    this.tokens = tokens;
    this.throttle = throttle;
    this.mfa = mfa;
    this.refreshTokens = refreshTokens;
    this.revoked = revoked;
    this.mongo = mongo;
    this.clock = clock;
    this.dummyHash = encoder.encode("no-such-user-password");
  }

  TokenResponse login(AuthRequests.Login request, String tenantId, String address) {
    return tokens.issue(
        authenticate(request.username(), request.password(), request.mfaCode(), tenantId, address));
  }

  /**
   * The user these credentials name, with every login rule applied (throttling, MFA, active flag);
   * also used by the OAuth authorization endpoint's login form, so both logins behave alike.
   *
   * @throws ApiException 401, 429 or 400 as for {@code POST /auth/login}
   */
  public User authenticate(
      String username, String password, String mfaCode, String tenantId, String address) {
    String name = Identities.normalize(username);
    List<User> candidates = inTenantIfAny(users.findByUsernameOrEmail(name, name), tenantId);
    List<String> accounts =
        candidates.isEmpty()
            ? List.of("name:" + name)
            : candidates.stream().map(u -> "user:" + u.getId()).toList();
    throttle.check(accounts, address);
    List<User> matching =
        candidates.stream()
            .filter(u -> u.getPasswordHash() != null)
            .filter(u -> encoder.matches(password, u.getPasswordHash()))
            .toList();
    if (candidates.isEmpty()) {
      encoder.matches(password, dummyHash);
    }
    if (matching.isEmpty()) {
      throttle.failed(accounts, address);
      throw ApiException.unauthorized("Invalid username or password");
    }
    if (matching.size() > 1) {
      throw ApiException.badRequest("This username exists in several tenants; send X-Tenant-ID");
    }
    User user = matching.get(0);
    if (!user.isActive()) {
      throw ApiException.unauthorized("This account is deactivated");
    }
    if (user.isMfaEnabled()) {
      if (mfaCode == null || mfaCode.isBlank()) {
        throw new ApiException(
            ErrorCode.AUTHENTICATION_ERROR,
            "MFA code required",
            Map.of("mfa_required", true),
            HttpHeaders.EMPTY);
      }
      if (!mfa.verify(user, mfaCode)) {
        throttle.failed(accounts, address);
        throw ApiException.unauthorized("Invalid or already used MFA code");
      }
    }
    throttle.succeeded("user:" + user.getId());
    Instant now = clock.instant();
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(user.getId())),
        new Update().set("lastLoginAt", now),
        User.class);
    user.setLastLoginAt(now);
    return user;
  }

  /**
   * The accounts in the named tenant when there are any there; otherwise all of them, so a platform
   * admin whose client always sends {@code X-Tenant-ID} can still log in to {@code default}.
   */
  private static List<User> inTenantIfAny(List<User> accounts, String tenantId) {
    List<User> inTenant = accounts.stream().filter(u -> u.getTenantId().equals(tenantId)).toList();
    return inTenant.isEmpty() ? accounts : inTenant;
  }

  TokenResponse refresh(String refreshToken) {
    Instant now = clock.instant();
    String hash = Secrets.sha256(refreshToken);
    RefreshToken claimed =
        mongo.findAndModify(
            Query.query(Criteria.where("tokenHash").is(hash).and("usedAt").is(null)),
            new Update().set("usedAt", now),
            FindAndModifyOptions.options().returnNew(false),
            RefreshToken.class);
    if (claimed == null) {
      refreshTokens
          .findByTokenHash(hash)
          .ifPresent(reused -> refreshTokens.deleteByUserId(reused.userId()));
      throw ApiException.unauthorized("Invalid refresh token");
    }
    if (!claimed.expiresAt().isAfter(now)) {
      throw ApiException.unauthorized("Refresh token expired");
    }
    User user =
        users
            .findById(claimed.userId())
            .filter(u -> sessions.stillValid(u, claimed.version()))
            .orElseThrow(() -> ApiException.unauthorized("Invalid refresh token"));
    return tokens.issue(user);
  }

  void logout(Jwt jwt, String refreshToken) {
    Instant now = clock.instant();
    revoked.save(new RevokedToken(jwt.getId(), jwt.getSubject(), jwt.getExpiresAt()));
    if (refreshToken != null) {
      refreshTokens
          .findByTokenHash(Secrets.sha256(refreshToken))
          .filter(t -> t.userId().equals(jwt.getSubject()))
          .ifPresent(refreshTokens::delete);
    }
    revoked.deleteByExpiresAtBefore(now);
    refreshTokens.deleteByExpiresAtBefore(now);
  }

  User currentUser(Jwt jwt) {
    return users
        .findById(jwt.getSubject())
        .orElseThrow(() -> ApiException.unauthorized("User no longer exists"));
  }
}
