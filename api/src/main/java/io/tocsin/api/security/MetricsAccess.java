package io.tocsin.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read {@code /actuator/prometheus}, whose labels name every tenant: a scraper sending
 * {@code Authorization: Bearer <TOCSIN_METRICS_TOKEN>}, or a platform admin's JWT. Tenant admins
 * and anonymous callers get 403 / 401.
 */
@Component
public class MetricsAccess {

  public static final String PATH = "/actuator/prometheus";
  private static final String SCRAPER_AUTHORITY = "ROLE_METRICS";

  private final byte[] token;
  private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

  MetricsAccess(SecurityProperties properties) {
    String configured = properties.metricsToken();
    this.token =
        StringUtils.hasText(configured) ? configured.trim().getBytes(StandardCharsets.UTF_8) : null;
  }

  /** Authenticates the scrape token on the metrics path; must run before the JWT filter. */
  public OncePerRequestFilter filter() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (isScraper(request)) {
          SecurityContextHolder.getContext()
              .setAuthentication(
                  UsernamePasswordAuthenticationToken.authenticated(
                      "metrics-scraper",
                      null,
                      List.of(new SimpleGrantedAuthority(SCRAPER_AUTHORITY))));
        }
        chain.doFilter(request, response);
      }
    };
  }

  /** The JWT filter's token resolver, skipping the scrape token (it is no JWT). */
  public BearerTokenResolver bearerTokenResolver() {
    return request -> isScraper(request) ? null : bearer.resolve(request);
  }

  /** Scraper or platform admin. */
  public AuthorizationManager<RequestAuthorizationContext> readers() {
    return (Supplier<? extends Authentication> auth, RequestAuthorizationContext context) ->
        new AuthorizationDecision(allowed(auth.get()));
  }

  private static boolean allowed(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return false;
    }
    boolean scraper =
        auth.getAuthorities().stream().anyMatch(a -> SCRAPER_AUTHORITY.equals(a.getAuthority()));
    boolean platformAdmin =
        auth instanceof JwtAuthenticationToken jwt
            && auth.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()))
            && CurrentPrincipal.PLATFORM_TENANT.equals(
                jwt.getToken().getClaimAsString(TokenClaims.TENANT));
    return scraper || platformAdmin;
  }

  private boolean isScraper(HttpServletRequest request) {
    if (token == null || !PATH.equals(request.getRequestURI())) {
      return false;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, given);
  }
}
