package io.tocsin.api.user;

import io.tocsin.api.security.Role;
import java.time.Instant;

/**
 * A user as the API shows it: never the password hash or MFA secret.
 *
 * @param id id
 * @param tenantId tenant
 * @param username login name
 * @param email email
 * @param name display name
 * @param role role
 * @param active whether the account may log in
 * @param mfaEnabled whether a TOTP code is required at login
 * @param createdAt creation time
 * @param updatedAt last change
 * @param lastLoginAt last successful login
 */
public record UserView(
    String id,
    String tenantId,
    String username,
    String email,
    String name,
    Role role,
    boolean active,
    boolean mfaEnabled,
    Instant createdAt,
    Instant updatedAt,
    Instant lastLoginAt) {

  public static UserView of(User user) {
    return new UserView(
        user.getId(),
        user.getTenantId(),
        user.getUsername(),
        user.getEmail(),
        user.getName(),
        user.getRole(),
        user.isActive(),
        user.isMfaEnabled(),
        user.getCreatedAt(),
        user.getUpdatedAt(),
        user.getLastLoginAt());
  }
}
