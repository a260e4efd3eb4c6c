package io.tocsin.api.websecurity;

import io.tocsin.api.apikey.ApiKeyAuthenticationProvider;
import io.tocsin.api.auth.SessionCheck;
import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.error.RestAccessDeniedHandler;
import io.tocsin.api.error.RestAuthenticationEntryPoint;
import io.tocsin.api.oauth.BearerTokens;
import io.tocsin.api.security.MetricsAccess;
import io.tocsin.api.security.Role;
import io.tocsin.api.security.SecurityPaths;
import io.tocsin.api.security.UnmappedPaths;
import io.tocsin.api.ui.SecurityHeaders;
import io.tocsin.api.ui.UiPaths;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * The security filter chain: stateless; JWTs through the resource server with our jjwt-backed
 * {@link JwtDecoder}, then {@link SessionCheck} (the user still exists, is active, on the token's
 * session version; the authority is the current role); the OAuth authorization server's tokens,
 * told apart by their issuer, through {@link OAuthAccessTokens}; API keys through an {@link
 * AuthenticationFilter}; URL rules as the coarse layer (public paths, metrics for scrapers and
 * platform admins, unmapped paths through to a 404, agents only on ingest paths, humans everywhere
 * else) and {@code @PreAuthorize} on each controller method as the fine one.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  private static final String[] HUMAN_ROLES = {
    Role.ADMIN.name(), Role.DETECTION_ENGINEER.name(), Role.ANALYST.name(), Role.VIEWER.name()
  };

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ApiKeyAuthenticationProvider apiKeys,
      BearerTokens bearerTokens,
      UnmappedPaths unmapped,
      MetricsAccess metrics,
      RestAuthenticationEntryPoint entryPoint,
      RestAccessDeniedHandler deniedHandler)
      throws Exception {
    AuthenticationFilter apiKeyFilter =
        new AuthenticationFilter(
            new ProviderManager(apiKeys),
            request ->
                ApiKeyAuthenticationProvider.fromRequest(
                    request.getHeader(ApiKeyAuthenticationProvider.HEADER),
                    request.getHeader(HttpHeaders.AUTHORIZATION)));
    apiKeyFilter.setSuccessHandler((request, response, authentication) -> {});
    apiKeyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));

    http.csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        // Web UI: strict Content-Security-Policy and related headers (io.tocsin.api.ui)
        .headers(SecurityHeaders.customizer())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(apiKeyFilter, BearerTokenAuthenticationFilter.class)
        .addFilterBefore(metrics.filter(), BearerTokenAuthenticationFilter.class)
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .bearerTokenResolver(jwtsOnly(metrics.bearerTokenResolver()))
                    // login JWTs (issuer "tocsin") or the authorization server's
                    .authenticationManagerResolver(bearerTokens.resolver())
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(deniedHandler))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(SecurityPaths.PUBLIC)
                    .permitAll()
                    .requestMatchers(MetricsAccess.PATH)
                    .access(metrics.readers())
                    // Web UI: the static single-page app holds no data (io.tocsin.api.ui)
                    .requestMatchers(HttpMethod.GET, UiPaths.STATIC)
                    .permitAll()
                    .requestMatchers(unmapped)
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, SecurityPaths.STREAM_SOCKETS)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, SecurityPaths.INGEST)
                    .authenticated()
                    .requestMatchers(SecurityPaths.AGENT_COMMANDS)
                    .authenticated()
                    .requestMatchers(SecurityPaths.ANY_CREDENTIAL)
                    .authenticated()
                    .requestMatchers("/api/**")
                    .hasAnyRole(HUMAN_ROLES)
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /**
   * Bearer tokens that are API keys ({@code tsk_…}) go to the API key filter, not the JWT one (nor
   * does the metrics scrape token, which {@code others} skips).
   */
  private static BearerTokenResolver jwtsOnly(BearerTokenResolver others) {
    return request ->
        ApiKeyAuthenticationProvider.bearerApiKey(request.getHeader(HttpHeaders.AUTHORIZATION))
                == null
            ? others.resolve(request)
            : null;
  }

  /**
   * Adaptive hashing: bcrypt ({@code TOCSIN_BCRYPT_STRENGTH}, default 10) behind a delegating
   * encoder, so hashes carry their algorithm id and the default can change without a migration.
   */
  @Bean
  PasswordEncoder passwordEncoder(TocsinProperties properties) {
    String id = "bcrypt";
    return new DelegatingPasswordEncoder(
        id, Map.of(id, new BCryptPasswordEncoder(properties.bcryptStrength())));
  }
}
