package io.tocsin.api.ratelimit;

import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.error.ErrorWriter;
import io.tocsin.api.security.ApiKeyPrincipal;
import io.tocsin.api.security.SecurityPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits authenticated {@code /api/**} requests per API key or user. Ordered after Spring
 * Security's filter chain (order -100) so the principal is known; anonymous requests (login) are
 * left to the login throttle. Answers 429 in the error contract with {@code Retry-After}, like the
 * login throttle.
 */
@Component
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final RateLimiter limiter;
  private final RateLimitProperties properties;
  private final ErrorWriter errors;

  RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ErrorWriter errors) {
    this.limiter = limiter;
    this.properties = properties;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !properties.enabled() || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String principal = principal(SecurityContextHolder.getContext().getAuthentication());
    if (principal == null) {
      chain.doFilter(request, response);
      return;
    }
    TokenBucket.Decision decision = limiter.take(principal, isIngest(request));
    response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
    response.setHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
    response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetAtMillis() / 1000));
    if (decision.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    long retryAfter = Math.max(1, (decision.retryAfterMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    errors.write(
        request,
        response,
        ErrorCode.RATE_LIMITED,
        "Rate limit of " + decision.limit() + " requests per minute exceeded; retry later",
        Map.of("limit", decision.limit(), "retry_after_seconds", retryAfter));
  }

  private static boolean isIngest(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    String path = request.getRequestURI();
    for (String pattern : SecurityPaths.INGEST) {
      if (PATHS.match(pattern, path)) {
        return true;
      }
    }
    return false;
  }

  private static String principal(Authentication auth) {
    if (auth == null || !auth.isAuthenticated()) {
      return null;
    }
    if (auth.getPrincipal() instanceof ApiKeyPrincipal key) {
      return "key:" + key.keyId();
    }
    if (auth instanceof JwtAuthenticationToken jwt) {
      return "user:" + jwt.getName();
    }
    return null;
  }
}
