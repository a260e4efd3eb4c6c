package io.tocsin.api.auth;

import io.jsonwebtoken.Jwts;
import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.security.Secrets;
import io.tocsin.api.security.TokenClaims;
import io.tocsin.api.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Issues access tokens (HS256 JWT, jjwt) with a fresh one-time refresh token. */
@Service
class TokenService {

  private final JwtSigningKey key;
  private final RefreshTokenRepository refreshTokens;
  private final TocsinProperties.Jwt settings;
  private final Clock clock;

  TokenService(
      JwtSigningKey key,
      RefreshTokenRepository refreshTokens,
      TocsinProperties properties,
      Clock clock) {
    this.key = key;
    this.refreshTokens = refreshTokens;
    this.settings = properties.jwt();
    this.clock = clock;
  }

  TokenResponse issue(User user) {
    Instant now = clock.instant();
    Instant expires = now.plus(settings.ttl());
    String jwt =
        Jwts.builder()
            .id(UUID.randomUUID().toString())
            .issuer(TokenClaims.ISSUER)
            .subject(user.getId())
            .claim(TokenClaims.TENANT, user.getTenantId())
            .claim(TokenClaims.ROLE, user.getRole().wire())
            .claim(TokenClaims.USERNAME, user.getUsername())
            .claim(TokenClaims.SESSION_VERSION, user.getSessionVersion())
            .issuedAt(Date.from(now))
            .expiration(Date.from(expires))
            .signWith(key.key(), Jwts.SIG.HS256)
            .compact();
    String refresh = Secrets.random("rt_");
    refreshTokens.save(
        new RefreshToken(
            UUID.randomUUID().toString(),
            Secrets.sha256(refresh),
            user.getId(),
            now.plus(settings.refreshTtl()),
            null,
            user.getSessionVersion()));
    return new TokenResponse(
        jwt,
        jwt,
        "Bearer",
        settings.ttl().toSeconds(),
        expires,
        refresh,
        new TokenResponse.Subject(
            user.getId(), user.getEmail(), user.getUsername(), user.getRole(), user.getTenantId()),
        user.getId(),
        user.getRole(),
        user.getTenantId());
  }
}
