package io.tocsin.api.apikey;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored API key; the key itself is never stored.
 *
 * @param id id
 * @param tenantId tenant the key acts in
 * @param name what the key is for
 * @param prefix first characters of the key, to recognise it in lists
 * @param keyHash hex SHA-256 of the key
 * @param createdBy user who created it
 * @param createdAt creation time
 * @param lastUsedAt last use, updated at most once a minute
 * @param hostId the only host the key may act for (events, inventory, commands); null for any host
 *     of the tenant
 */
@Document("api_keys")
record ApiKey(
    @Id String id,
    @Indexed String tenantId,
    String name,
    String prefix,
    @Indexed(unique = true) String keyHash,
    String createdBy,
    Instant createdAt,
    Instant lastUsedAt,
    String hostId) {

  ApiKey usedAt(Instant when) {
    return new ApiKey(id, tenantId, name, prefix, keyHash, createdBy, createdAt, when, hostId);
  }
}
