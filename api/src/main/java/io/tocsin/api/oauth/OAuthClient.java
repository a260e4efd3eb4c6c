package io.tocsin.api.oauth;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered OAuth client of one tenant; the secret itself is never stored.
 *
 * @param id the client id ({@code tcl_…}), also the document id
 * @param tenantId the tenant whose data the client's tokens reach
 * @param name what the client is, shown in lists and used as the service principal's name
 * @param secretHash the password encoder's hash of the secret; null for a public client
 * @param redirectUris the only URIs codes are sent to (exact match)
 * @param grantTypes {@code authorization_code} and/or {@code client_credentials}
 * @param scopes {@code read} and/or {@code write}
 * @param createdBy the admin who registered it
 * @param createdAt registration time
 */
@Document("oauth_clients")
record OAuthClient(
    @Id String id,
    @Indexed String tenantId,
    String name,
    String secretHash,
    List<String> redirectUris,
    List<String> grantTypes,
    List<String> scopes,
    String createdBy,
    Instant createdAt) {

  boolean isPublic() {
    return secretHash == null;
  }

  OAuthClient withSecretHash(String hash) {
    return new OAuthClient(
        id, tenantId, name, hash, redirectUris, grantTypes, scopes, createdBy, createdAt);
  }
}
