package io.tocsin.api.user;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-time token that lets a user created without a password choose one.
 *
 * @param id id
 * @param tokenHash hex SHA-256 of the token
 * @param userId the user
 * @param expiresAt expiry (TTL index on MongoDB)
 */
@Document("set_password_tokens")
record SetPasswordToken(
    @Id String id,
    @Indexed(unique = true) String tokenHash,
    @Indexed String userId,
    @Indexed(expireAfter = "0s") Instant expiresAt) {}
