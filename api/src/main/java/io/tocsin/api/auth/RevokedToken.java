package io.tocsin.api.auth;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A revoked access token id, kept until the token would have expired anyway.
 *
 * @param id the token's {@code jti}
 * @param userId who logged out
 * @param expiresAt when the entry stops mattering (TTL index on MongoDB)
 */
@Document("revoked_tokens")
record RevokedToken(@Id String id, String userId, @Indexed(expireAfter = "0s") Instant expiresAt) {}
