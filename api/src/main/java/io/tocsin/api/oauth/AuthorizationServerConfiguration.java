package io.tocsin.api.oauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.tocsin.api.auth.AuthService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Spring Authorization Server on its own filter chain, ahead of the stateless API chain: the
 * authorization endpoint needs a session (the login form, then back to the request), the rest of
 * Tocsin must never accept one. Endpoints: {@value #AUTHORIZE}, {@value #TOKEN}, {@value #JWKS},
 * {@value #REVOKE}, {@value #INTROSPECT} and {@code /.well-known/oauth-authorization-server}.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  static final String AUTHORIZE = "/oauth/authorize";
  static final String TOKEN = "/oauth/token";
  static final String JWKS = "/oauth/jwks";
  static final String REVOKE = "/oauth/revoke";
  static final String INTROSPECT = "/oauth/introspect";
  static final String LOGIN = "/oauth/login";

  /**
   * The login page's own policy: like the UI's, minus {@code form-action}, which browsers also
   * apply to the redirect that takes the user back to the client's (other-origin) redirect URI.
   */
  static final String LOGIN_CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
          + "frame-ancestors 'none'";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain authorizationServer(
      HttpSecurity http, AuthService auth, TenantMembershipCheck tenantCheck) throws Exception {
    RequestMatcher login = PathPatternRequestMatcher.withDefaults().matcher(LOGIN);
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(), login));
          server.tokenEndpoint(
              token ->
                  token.accessTokenRequestConverters(
                      converters -> converters.add(0, new DefaultClientScopes())));
          server.authorizationEndpoint(
              endpoint ->
                  endpoint.authenticationProviders(
                      providers ->
                          providers.stream()
                              .filter(
                                  OAuth2AuthorizationCodeRequestAuthenticationProvider.class
                                      ::isInstance)
                              .map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
                              .forEach(
                                  provider ->
                                      provider.setAuthenticationValidator(
                                          new OAuth2AuthorizationCodeRequestAuthenticationValidator()
                                              .andThen(OAuthScopes::requireRequested)
                                              .andThen(tenantCheck)))));
        });
    http.authenticationProvider(new TocsinUserLogin(auth))
        .authorizeHttpRequests(
            rules -> rules.requestMatchers(login).permitAll().anyRequest().authenticated())
        .formLogin(
            form ->
                form.loginPage(LOGIN)
                    .authenticationDetailsSource(TocsinUserLogin.Details::of)
                    .failureHandler(new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error")))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN),
                        PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE))
                    .defaultAuthenticationEntryPointFor(
                        AuthorizationServerConfiguration::clientAuthenticationRequired,
                        AnyRequestMatcher.INSTANCE))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(LOGIN_CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  /**
   * A token, revocation or introspection request that carries no client credentials at all never
   * reaches the server's own client authentication: answer it the RFC 6749 way, not with the login
   * form's redirect.
   */
  private static void clientAuthenticationRequired(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\"");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response
        .getWriter()
        .write(
            "{\"error\":\"invalid_client\","
                + "\"error_description\":\"Client authentication required\"}");
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(OAuthProperties properties) {
    AuthorizationServerSettings.Builder settings =
        AuthorizationServerSettings.builder()
            .authorizationEndpoint(AUTHORIZE)
            .tokenEndpoint(TOKEN)
            .jwkSetEndpoint(JWKS)
            .tokenRevocationEndpoint(REVOKE)
            .tokenIntrospectionEndpoint(INTROSPECT);
    if (StringUtils.hasText(properties.issuer())) {
      settings.issuer(properties.issuer());
    }
    return settings.build();
  }

  @Bean
  JWKSource<SecurityContext> oauthJwkSource(OAuthSigningKey key) {
    return new ImmutableJWKSet<>(new JWKSet(key.key()));
  }

  /** Just before Spring Security's filter, so its chains see the canonical paths. */
  @Bean
  FilterRegistrationBean<OAuthPathAliases> oauthPathAliases() {
    FilterRegistrationBean<OAuthPathAliases> registration =
        new FilterRegistrationBean<>(new OAuthPathAliases());
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    registration.addUrlPatterns(OAuthPathAliases.ALIASES.keySet().toArray(String[]::new));
    return registration;
  }
}
