package io.tocsin.api.oauth;

import io.tocsin.api.auth.SessionCheck;
import io.tocsin.api.security.TokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;

/**
 * Every bearer token a user or an integration may present, told apart by its issuer: login tokens
 * ({@code tocsin}, checked by {@link SessionCheck}) and the authorization server's access tokens
 * ({@link OAuthAccessTokens}). The REST filter chain and the stream handshake both authenticate
 * through here, so a token that works on one works on the other.
 */
@Component
public class BearerTokens {

  private final JwtIssuerAuthenticationManagerResolver resolver;

  BearerTokens(JwtDecoder loginDecoder, SessionCheck sessions, OAuthAccessTokens oauthTokens) {
    JwtAuthenticationProvider logins = new JwtAuthenticationProvider(loginDecoder);
    logins.setJwtAuthenticationConverter(sessions);
    AuthenticationManager loginTokens = new ProviderManager(logins);
    this.resolver =
        new JwtIssuerAuthenticationManagerResolver(
            issuer ->
                TokenClaims.ISSUER.equals(issuer)
                    ? loginTokens
                    : oauthTokens.authenticationManager());
  }

  /** For the resource server configuration of the filter chain. */
  public AuthenticationManagerResolver<HttpServletRequest> resolver() {
    return resolver;
  }

  /**
   * Authenticates a raw bearer token (one sent in a message rather than a header); throws an {@link
   * org.springframework.security.core.AuthenticationException} when it is not valid.
   */
  public Authentication authenticate(String token) {
    return resolver.resolve(null).authenticate(new BearerTokenAuthenticationToken(token));
  }
}
