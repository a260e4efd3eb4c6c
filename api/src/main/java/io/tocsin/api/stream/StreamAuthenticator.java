package io.tocsin.api.stream;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.oauth.BearerTokens;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.CurrentPrincipals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who may open a stream: a user's login token or an integration's OAuth access token, checked
 * exactly as the filter chain checks them ({@link BearerTokens}: signature, then user active,
 * session not revoked, current role, scope cap), with {@code X-Tenant-ID}-style tenant selection.
 * Every role may read streams; agent API keys may not.
 */
@Component
class StreamAuthenticator {

  /** A connection stays open at most this long even if the token lives longer. */
  static final Duration MAX_OPEN = Duration.ofHours(1);

  private final BearerTokens tokens;
  private final CurrentPrincipals principals;
  private final Clock clock;

  StreamAuthenticator(BearerTokens tokens, CurrentPrincipals principals, Clock clock) {
    this.tokens = tokens;
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
      auth = tokens.authenticate(token.trim());
    } catch (AuthenticationException e) {
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
