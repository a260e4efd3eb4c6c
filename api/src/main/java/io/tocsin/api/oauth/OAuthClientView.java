package io.tocsin.api.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A registered client as the API shows it (never its secret).
 *
 * @param id the client id, also {@code client_id}
 * @param clientId the client id
 * @param name name
 * @param tenantId tenant
 * @param publicClient true for a public client (no secret, PKCE only)
 * @param redirectUris redirect URIs
 * @param grantTypes grant types
 * @param scopes scopes
 * @param createdBy the admin who registered it
 * @param createdAt registration time
 */
record OAuthClientView(
    String id,
    String clientId,
    String name,
    String tenantId,
    @JsonProperty("public") boolean publicClient,
    List<String> redirectUris,
    List<String> grantTypes,
    List<String> scopes,
    String createdBy,
    Instant createdAt) {

  static OAuthClientView of(OAuthClient client) {
    return new OAuthClientView(
        client.id(),
        client.id(),
        client.name(),
        client.tenantId(),
        client.isPublic(),
        client.redirectUris(),
        client.grantTypes(),
        client.scopes(),
        client.createdBy(),
        client.createdAt());
  }
}
