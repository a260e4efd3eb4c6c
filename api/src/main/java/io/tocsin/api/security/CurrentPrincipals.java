package io.tocsin.api.security;

import io.tocsin.api.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Resolves the {@link CurrentPrincipal} of the current request: who is authenticated and which
 * tenant they act in. A user acts in their own tenant; {@code X-Tenant-ID} naming another tenant is
 * allowed only for the platform admin (403 otherwise, 404 if that tenant does not exist).
 */
@Component
public class CurrentPrincipals {

  private final TenantDirectory tenants;

  CurrentPrincipals(TenantDirectory tenants) {
    this.tenants = tenants;
  }

  /** The caller of the current request; 401 if the request is anonymous. */
  public CurrentPrincipal current() {
    return of(SecurityContextHolder.getContext().getAuthentication(), requestedTenant());
  }

  /**
   * The caller behind {@code auth} acting in {@code requested} (null: its home tenant), for
   * connections that authenticate outside the filter chain (a WebSocket's first message).
   */
  public CurrentPrincipal of(Authentication auth, String requested) {
    if (auth instanceof JwtAuthenticationToken token) {
      return fromJwt(token, requested);
    }
    if (auth != null && auth.getPrincipal() instanceof ApiKeyPrincipal key) {
      if (requested != null && !requested.equals(key.tenantId())) {
        throw ApiException.forbidden("API key does not belong to tenant " + requested);
      }
      return new CurrentPrincipal(
          null, key.name(), null, key.tenantId(), key.tenantId(), key.keyId(), key.hostId());
    }
    throw ApiException.unauthorized("Authentication required");
  }

  /** The role is the authority the session check granted: the user's current role. */
  private CurrentPrincipal fromJwt(JwtAuthenticationToken token, String requested) {
    Jwt jwt = token.getToken();
    String home = jwt.getClaimAsString(TokenClaims.TENANT);
    Role role =
        token.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_"))
            .map(a -> Role.fromWire(a.substring("ROLE_".length())))
            .findFirst()
            .orElseThrow(() -> ApiException.unauthorized("Token carries no role"));
    CurrentPrincipal own =
        new CurrentPrincipal(
            jwt.getSubject(),
            jwt.getClaimAsString(TokenClaims.USERNAME),
            role,
            home,
            home,
            null,
            null);
    if (requested == null || requested.equals(home)) {
      return own;
    }
    if (!own.isPlatformAdmin()) {
      throw ApiException.forbidden("Not a member of tenant " + requested);
    }
    if (!tenants.exists(requested)) {
      throw ApiException.notFound("Tenant " + requested);
    }
    return new CurrentPrincipal(own.userId(), own.username(), role, home, requested, null, null);
  }

  private static String requestedTenant() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      String header = request.getHeader(TenantHeader.NAME);
      return StringUtils.hasText(header) ? header.trim() : null;
    }
    return null;
  }
}
