package io.tocsin.api.oauth;

import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A client is authorized only by users of its own tenant: a user of another tenant approving it
 * would hand that tenant's data to an integration someone else registered. The answer is {@code
 * access_denied} at the client's redirect URI. Runs after the default request checks (redirect URI,
 * scopes, PKCE); an anonymous caller passes here and is sent to the login form first.
 */
@Component
class TenantMembershipCheck
    implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  private final OAuthClientService clients;

  TenantMembershipCheck(OAuthClientService clients) {
    this.clients = clients;
  }

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    if (!(request.getPrincipal() instanceof Authentication caller)
        || !(caller.getPrincipal() instanceof OAuthUser user)) {
      return;
    }
    boolean sameTenant =
        clients
            .byClientId(context.getRegisteredClient().getClientId())
            .map(client -> client.tenantId().equals(user.tenantId()))
            .orElse(false);
    if (!sameTenant) {
      throw new OAuth2AuthorizationCodeRequestAuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.ACCESS_DENIED, "This client is registered for another tenant", null),
          request);
    }
  }
}
