package io.tocsin.api.oauth;

import io.tocsin.api.security.TokenClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Writes Tocsin's claims into the authorization server's access tokens, the same ones the login
 * JWTs carry ({@code tid}, {@code usr}, {@code sv}) plus {@code client_id} (RFC 9068) and {@code
 * tocsin_principal}: {@code user} for the authorization-code flow (subject: the user id), {@code
 * client} for client credentials (subject: the client id).
 */
@Component
class OAuthClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final String CLIENT_ID = "client_id";
  static final String PRINCIPAL = "tocsin_principal";
  static final String USER = "user";
  static final String CLIENT = "client";

  private final OAuthClientService clients;

  OAuthClaims(OAuthClientService clients) {
    this.clients = clients;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    OAuthClient client =
        clients
            .byClientId(context.getRegisteredClient().getClientId())
            .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT));
    var claims = context.getClaims();
    claims.claim(CLIENT_ID, client.id()).claim(TokenClaims.TENANT, client.tenantId());
    Authentication principal = context.getPrincipal();
    if (principal.getPrincipal() instanceof OAuthUser user) {
      if (!user.tenantId().equals(client.tenantId())) {
        // TenantMembershipCheck refused this at the authorization endpoint already
        throw new OAuth2AuthenticationException(
            new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, "Client of another tenant", null));
      }
      claims
          .subject(user.id())
          .claim(TokenClaims.USERNAME, user.username())
          .claim(TokenClaims.SESSION_VERSION, user.sessionVersion())
          .claim(PRINCIPAL, USER);
    } else {
      claims
          .subject(client.id())
          .claim(TokenClaims.USERNAME, client.name())
          .claim(PRINCIPAL, CLIENT);
    }
  }
}
