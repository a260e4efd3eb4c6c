package io.tocsin.api.apikey;

import java.time.Instant;

/**
 * An API key as listed: never the key or its hash.
 *
 * @param id id
 * @param name name
 * @param prefix first characters of the key
 * @param tenantId tenant
 * @param createdBy creator's user id
 * @param createdAt creation time
 * @param lastUsedAt last use
 * @param hostId host the key is bound to, or null
 */
record ApiKeyView(
    String id,
    String name,
    String prefix,
    String tenantId,
    String createdBy,
    Instant createdAt,
    Instant lastUsedAt,
    String hostId) {

  static ApiKeyView of(ApiKey key) {
    return new ApiKeyView(
        key.id(),
        key.name(),
        key.prefix(),
        key.tenantId(),
        key.createdBy(),
        key.createdAt(),
        key.lastUsedAt(),
        key.hostId());
  }
}
