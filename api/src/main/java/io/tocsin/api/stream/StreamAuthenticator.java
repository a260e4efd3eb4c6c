package io.tocsin.api.stream;

import io.tocsin.api.auth.SessionCheck;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.CurrentPrincipals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who may open a stream: a user's access token, checked exactly as the filter chain checks it (the
 * jjwt-backed {@link JwtDecoder}, then {@link SessionCheck}: user active, session not revoked,
 * current role), with {@code X-Tenant-ID}-style tenant selection. Every role may read streams;
 * agent API keys may not.
 */
@Component
class StreamAuthenticator {

  /** A connection stays open at most this long even if the token lives longer. */
  static final Duration MAX_OPEN = Duration.ofHours(1);

  private final JwtDecoder decoder;
  private final SessionCheck sessions;
  private final CurrentPrincipals principals;
  private final Clock clock;

  StreamAuthenticator(
      JwtDecoder decoder, SessionCheck sessions, CurrentPrincipals principals, Clock clock) {
    this.decoder = decoder;
    this.sessions = sessions;
    this.principals = principals;
    this.clock = clock;
  }

  /** For a bearer token sent in a message; throws {@link ApiException} (401/403/404). */
  StreamCaller fromToken(String token, String requestedTenant) {
    if (token == null || token.isBlank()) {
      throw ApiException.unauthorized("token: required");
    }
    Authentication auth;
    try {
      Jwt jwt = decoder.decode(token.trim());
      auth = sessions.convert(jwt);
    } catch (JwtException | AuthenticationException e) {
      throw ApiException.unauthorized("invalid token: " + e.getMessage());
    }
    return fromAuthentication(auth, requestedTenant);
  }

  /** For an authentication the filter chain already made (upgrade or SSE request). */
  StreamCaller fromAuthentication(Authentication auth, String requestedTenant) {
    CurrentPrincipal principal = principals.of(auth, requestedTenant);
    if (principal.isAgent() || principal.role() == null) {
      throw ApiException.forbidden("streams are for users; agent API keys may only ingest");
    }
    return new StreamCaller(principal.tenantId(), principal.username(), expiry(auth));
  }

  private Instant expiry(Authentication auth) {
    Instant max = clock.instant().plus(MAX_OPEN);
    if (auth instanceof JwtAuthenticationToken jwt && jwt.getToken().getExpiresAt() != null) {
      Instant at = jwt.getToken().getExpiresAt();
      return at.isBefore(max) ? at : max;
    }
    return max;
  }
}
