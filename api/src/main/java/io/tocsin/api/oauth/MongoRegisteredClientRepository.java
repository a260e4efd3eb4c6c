package io.tocsin.api.oauth;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The authorization server's view of the {@code oauth_clients} collection. Every client must use
 * PKCE for the code flow; consent is implied, since the tenant's admin registered the client and
 * users of other tenants are refused ({@link TenantMembershipCheck}).
 */
@Component
class MongoRegisteredClientRepository implements RegisteredClientRepository {

  private final OAuthClientRepository clients;
  private final TokenSettings tokenSettings;

  MongoRegisteredClientRepository(OAuthClientRepository clients, OAuthProperties properties) {
    this.clients = clients;
    this.tokenSettings =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(properties.tokenTtl())
            .authorizationCodeTimeToLive(properties.codeTtl())
            .build();
  }

  /**
   * Clients are registered through {@code POST /api/v1/oauth/clients}; the server saves only to
   * re-hash a secret after the password encoder's settings changed.
   */
  @Override
  public void save(RegisteredClient registeredClient) {
    OAuthClient stored =
        clients
            .findById(registeredClient.getClientId())
            .orElseThrow(
                () ->
                    new UnsupportedOperationException(
                        "OAuth clients are registered through /api/v1/oauth/clients"));
    if (!stored.isPublic() && registeredClient.getClientSecret() != null) {
      clients.save(stored.withSecretHash(registeredClient.getClientSecret()));
    }
  }

  @Override
  public RegisteredClient findById(String id) {
    return clients.findById(id).map(this::toRegisteredClient).orElse(null);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return findById(clientId);
  }

  private RegisteredClient toRegisteredClient(OAuthClient client) {
    RegisteredClient.Builder builder =
        RegisteredClient.withId(client.id())
            .clientId(client.id())
            .clientIdIssuedAt(client.createdAt())
            .clientName(client.name())
            .clientSecret(client.secretHash())
            .redirectUris(uris -> uris.addAll(client.redirectUris()))
            .scopes(scopes -> scopes.addAll(client.scopes()))
            .clientSettings(
                ClientSettings.builder()
                    .requireProofKey(true)
                    .requireAuthorizationConsent(false)
                    .build())
            .tokenSettings(tokenSettings);
    if (client.isPublic()) {
      builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    } else {
      builder
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
    client.grantTypes().forEach(g -> builder.authorizationGrantType(new AuthorizationGrantType(g)));
    return builder.build();
  }
}
