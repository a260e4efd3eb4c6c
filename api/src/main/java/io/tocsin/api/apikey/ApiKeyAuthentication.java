package io.tocsin.api.apikey;

import io.tocsin.api.security.ApiKeyPrincipal;
import io.tocsin.api.security.Authz;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An {@code X-API-Key} credential before authentication, and the agent it names after. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final transient Object principal;
  private final String key;

  private ApiKeyAuthentication(String key) {
    super(List.of());
    this.key = key;
    this.principal = null;
    setAuthenticated(false);
  }

  private ApiKeyAuthentication(ApiKeyPrincipal principal) {
    super(List.of(new SimpleGrantedAuthority(Authz.AGENT_AUTHORITY)));
    this.key = null;
    this.principal = principal;
    super.setAuthenticated(true);
  }

  static ApiKeyAuthentication unauthenticated(String key) {
    return new ApiKeyAuthentication(key);
  }

  static ApiKeyAuthentication authenticated(ApiKeyPrincipal principal) {
    return new ApiKeyAuthentication(principal);
  }

  @Override
  public Object getCredentials() {
    return key;
  }

  @Override
  public Object getPrincipal() {
    return principal;
  }
}
