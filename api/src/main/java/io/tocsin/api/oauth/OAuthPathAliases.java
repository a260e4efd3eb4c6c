package io.tocsin.api.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Serves the authorization and token endpoints under the API base too ({@code
 * /api/v1/oauth/authorize}, {@code /api/v1/oauth/token}): clients that build every URL from {@code
 * http://host:8080/api/v1}, like the OpenFrame guide's, reach the same endpoints as {@code
 * /oauth/…}. The request is presented to the filters after this one under the canonical path, which
 * is all the authorization server allows (one URI per endpoint).
 */
final class OAuthPathAliases extends OncePerRequestFilter {

  static final Map<String, String> ALIASES =
      Map.of(
          "/api/v1/oauth/authorize", AuthorizationServerConfiguration.AUTHORIZE,
          "/api/v1/oauth/token", AuthorizationServerConfiguration.TOKEN);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String canonical = ALIASES.get(path);
    if (canonical == null) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest aliased = new Aliased(request, canonical);
    // a filter before this one may have cached the original path for request matching
    ServletRequestPathUtils.parseAndCache(aliased);
    chain.doFilter(aliased, response);
  }

  private static final class Aliased extends HttpServletRequestWrapper {

    private final String path;

    Aliased(HttpServletRequest request, String path) {
      super(request);
      this.path = path;
    }

    @Override
    public String getRequestURI() {
      return getContextPath() + path;
    }

    @Override
    public String getServletPath() {
      return path;
    }

    @Override
    public String getPathInfo() {
      return null;
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer original = super.getRequestURL();
      String uri = super.getRequestURI();
      return new StringBuffer(original.substring(0, original.length() - uri.length()))
          .append(getRequestURI());
    }
  }
}
