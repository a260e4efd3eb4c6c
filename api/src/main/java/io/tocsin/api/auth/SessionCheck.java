package io.tocsin.api.auth;

import io.tocsin.api.security.Role;
import io.tocsin.api.security.SecurityProperties;
import io.tocsin.api.security.TokenClaims;
import io.tocsin.api.user.User;
import io.tocsin.api.user.UserChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into an authentication only if its user still exists, is active,
 * belongs to the token's tenant and is still on the session version the token was issued under; the
 * authority is the user's <em>current</em> role, so a demotion takes effect without waiting for the
 * token to expire. What it reads is cached for {@code tocsin.security.session-check-interval} and
 * dropped at once when this server changes the user ({@link UserChanged}); every server re-reads
 * the user document within that interval, so changes made through another server on the same
 * database take effect within it.
 */
@Component
public class SessionCheck implements Converter<Jwt, AbstractAuthenticationToken> {

  private static final int MAX_CACHED = 50_000;

  private final MongoTemplate mongo;
  private final RefreshTokenRepository refreshTokens;
  private final Duration interval;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  SessionCheck(
      MongoTemplate mongo,
      RefreshTokenRepository refreshTokens,
      SecurityProperties properties,
      Clock clock) {
    this.mongo = mongo;
    this.refreshTokens = refreshTokens;
    this.interval = properties.sessionCheckInterval();
    this.clock = clock;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Snapshot user = current(jwt.getSubject());
    if (user == null) {
      throw new InvalidBearerTokenException("User no longer exists");
    }
    if (!user.active()) {
      throw new InvalidBearerTokenException("User is deactivated");
    }
    if (!Objects.equals(user.tenantId(), jwt.getClaimAsString(TokenClaims.TENANT))
        || user.sessionVersion() != version(jwt)) {
      throw new InvalidBearerTokenException("Session revoked");
    }
    return new JwtAuthenticationToken(
        jwt, List.of(new SimpleGrantedAuthority(user.role().authority())), jwt.getSubject());
  }

  /** Whether a refresh token issued under {@code version} may still be exchanged. */
  boolean stillValid(User user, int version) {
    return user.isActive() && user.getSessionVersion() == version;
  }

  @EventListener
  void on(UserChanged change) {
    cache.remove(change.userId());
    if (change.sessionsRevoked()) {
      refreshTokens.deleteByUserId(change.userId());
    }
  }

  private Snapshot current(String userId) {
    Instant now = clock.instant();
    Cached cached = cache.get(userId);
    if (cached != null && now.isBefore(cached.loadedAt().plus(interval))) {
      return cached.snapshot();
    }
    User user = mongo.findById(userId, User.class);
    Snapshot snapshot =
        user == null || user.getRole() == null
            ? null
            : new Snapshot(
                user.getTenantId(), user.getRole(), user.isActive(), user.getSessionVersion());
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(userId, new Cached(snapshot, now));
    return snapshot;
  }

  private static int version(Jwt jwt) {
    Object claim = jwt.getClaims().get(TokenClaims.SESSION_VERSION);
    return claim instanceof Number n ? n.intValue() : 0;
  }

  private record Snapshot(String tenantId, Role role, boolean active, int sessionVersion) {}

  private record Cached(Snapshot snapshot, Instant loadedAt) {}
}
