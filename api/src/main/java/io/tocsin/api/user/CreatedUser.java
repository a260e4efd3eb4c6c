package io.tocsin.api.user;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * Response of {@code POST /users}: the user, plus a one-time set-password token when it was created
 * without a password.
 *
 * @param user the user
 * @param setPasswordToken token for {@code POST /auth/set-password}, or null
 * @param setPasswordExpiresAt when that token expires, or null
 */
public record CreatedUser(
    @JsonUnwrapped UserView user, String setPasswordToken, Instant setPasswordExpiresAt) {}
