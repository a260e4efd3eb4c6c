package io.tocsin.api.auth;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refresh token, stored as the SHA-256 of its value. Used once: refreshing marks it used and
 * issues a new one; presenting a used token again revokes every refresh token of the user.
 *
 * @param id id
 * @param tokenHash hex SHA-256 of the token
 * @param userId owner
 * @param expiresAt expiry (TTL index on MongoDB)
 * @param usedAt when it was exchanged, null while unused
 * @param sessionVersion the user's session version at issue (null: issued before versions, 0)
 */
@Document("refresh_tokens")
record RefreshToken(
    @Id String id,
    @Indexed(unique = true) String tokenHash,
    @Indexed String userId,
    @Indexed(expireAfter = "0s") Instant expiresAt,
    Instant usedAt,
    Integer sessionVersion) {

  int version() {
    return sessionVersion == null ? 0 : sessionVersion;
  }
}
