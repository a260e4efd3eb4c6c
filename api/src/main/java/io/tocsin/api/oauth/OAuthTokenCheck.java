package io.tocsin.api.oauth;

import io.tocsin.api.auth.SessionCheck;
import io.tocsin.api.security.Role;
import io.tocsin.api.security.TokenClaims;
import java.util.List;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified authorization-server token into an authentication, on every request: its client
 * must still be registered for the token's tenant (a deleted client's tokens stop working at once,
 * on every server); a user's token passes the login tokens' {@link SessionCheck} and acts with the
 * weaker of the user's current role and its scope's role; a client's token acts with its scope's
 * role.
 */
final class OAuthTokenCheck implements Converter<Jwt, AbstractAuthenticationToken> {

  private final OAuthClientService clients;
  private final SessionCheck sessions;

  OAuthTokenCheck(OAuthClientService clients, SessionCheck sessions) {
    this.clients = clients;
    this.sessions = sessions;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String tenant = jwt.getClaimAsString(TokenClaims.TENANT);
    boolean registered =
        clients
            .byClientId(jwt.getClaimAsString(OAuthClaims.CLIENT_ID))
            .filter(client -> Objects.equals(client.tenantId(), tenant))
            .isPresent();
    if (!registered) {
      throw new InvalidBearerTokenException("The token's OAuth client is no longer registered");
    }
    Role scopeRole = OAuthScopes.role(jwt.getClaimAsStringList("scope"));
    if (scopeRole == null) {
      throw new InvalidBearerTokenException("The token has no read or write scope");
    }
    Role role =
        switch (String.valueOf(jwt.getClaimAsString(OAuthClaims.PRINCIPAL))) {
          case OAuthClaims.CLIENT -> scopeRole;
          case OAuthClaims.USER -> OAuthScopes.weaker(userRole(sessions.convert(jwt)), scopeRole);
          default -> throw new InvalidBearerTokenException("Unknown token principal");
        };
    return new JwtAuthenticationToken(
        jwt, List.of(new SimpleGrantedAuthority(role.authority())), jwt.getSubject());
  }

  private static Role userRole(AbstractAuthenticationToken checked) {
    return checked.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> Role.fromWire(a.substring("ROLE_".length())))
        .findFirst()
        .orElseThrow(() -> new InvalidBearerTokenException("The user has no role"));
  }
}
