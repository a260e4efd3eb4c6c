package io.tocsin.api.apikey;

import io.tocsin.api.security.ApiKeyPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns an {@code X-API-Key} into an agent of the key's tenant. */
@Component
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

  /** The header agents send their key in. */
  public static final String HEADER = "X-API-Key";

  private final ApiKeyService keys;

  ApiKeyAuthenticationProvider(ApiKeyService keys) {
    this.keys = keys;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String key = (String) authentication.getCredentials();
    ApiKey stored =
        keys.authenticate(key).orElseThrow(() -> new BadCredentialsException("Invalid API key"));
    return ApiKeyAuthentication.authenticated(
        new ApiKeyPrincipal(stored.id(), stored.tenantId(), stored.name(), stored.hostId()));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return ApiKeyAuthentication.class.isAssignableFrom(authentication);
  }

  /** Reads the header into an unauthenticated token, or null when absent. */
  public static Authentication fromHeader(String header) {
    return header == null || header.isBlank()
        ? null
        : ApiKeyAuthentication.unauthenticated(header.trim());
  }

  /**
   * The key from {@code X-API-Key}, or else from {@code Authorization: Bearer tsk_…} (the seeds'
   * clients send agent keys as bearer tokens); null when the request carries neither.
   */
  public static Authentication fromRequest(String apiKeyHeader, String authorization) {
    Authentication fromHeader = fromHeader(apiKeyHeader);
    if (fromHeader != null) {
      return fromHeader;
    }
    String bearer = bearerApiKey(authorization);
    return bearer == null ? null : ApiKeyAuthentication.unauthenticated(bearer);
  }

  /** The API key in an {@code Authorization: Bearer} header, or null if it holds none (a JWT). */
  public static String bearerApiKey(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    return token.startsWith(ApiKeyService.PREFIX) ? token : null;
  }
}
