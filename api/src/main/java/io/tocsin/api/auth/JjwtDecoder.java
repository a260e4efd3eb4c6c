package io.tocsin.api.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.tocsin.api.security.TokenClaims;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's {@link JwtDecoder}, backed by jjwt: verifies the HS256 signature with our key
 * (unsigned {@code alg: none} tokens and other keys fail), expiry and issuer, then refuses revoked
 * token ids.
 */
@Component
class JjwtDecoder implements JwtDecoder {

  private final JwtParser parser;
  private final RevokedTokenRepository revoked;

  JjwtDecoder(JwtSigningKey key, RevokedTokenRepository revoked, Clock clock) {
    this.parser =
        Jwts.parser()
            .verifyWith(key.key())
            .requireIssuer(TokenClaims.ISSUER)
            .clock(() -> Date.from(clock.instant()))
            .build();
    this.revoked = revoked;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jws<Claims> jws;
    try {
      jws = parser.parseSignedClaims(token);
    } catch (ExpiredJwtException e) {
      throw new BadJwtException("Token expired", e);
    } catch (io.jsonwebtoken.JwtException | IllegalArgumentException e) {
      throw new BadJwtException("Invalid token", e);
    }
    Claims claims = jws.getPayload();
    if (claims.getId() == null
        || claims.getSubject() == null
        || claims.getExpiration() == null
        || claims.getIssuedAt() == null) {
      throw new BadJwtException("Token lacks required claims");
    }
    if (revoked.existsById(claims.getId())) {
      throw new BadJwtException("Token revoked");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.putAll(claims);
    values.put(Claims.ISSUED_AT, claims.getIssuedAt().toInstant());
    values.put(Claims.EXPIRATION, claims.getExpiration().toInstant());
    values.remove(Claims.NOT_BEFORE);
    return Jwt.withTokenValue(token)
        .headers(h -> h.putAll(jws.getHeader()))
        .claims(c -> c.putAll(values))
        .build();
  }
}
