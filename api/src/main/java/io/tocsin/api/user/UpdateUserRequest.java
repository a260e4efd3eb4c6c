package io.tocsin.api.user;

import io.tocsin.api.security.Role;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /users/{id}}; absent fields stay as they are.
 *
 * @param email new email
 * @param username new login name
 * @param password new password
 * @param name new display name
 * @param role new role
 * @param mfaEnabled false to reset the user's MFA (lost device); they may enrol again
 * @param active false to deactivate the account (its sessions end at once), true to reactivate
 */
public record UpdateUserRequest(
    @Email @Size(max = 254) String email,
    @Size(min = 2, max = 254) @Pattern(regexp = "[^\\s]+", message = "must not contain spaces")
        String username,
    @Size(min = 8, max = 128) String password,
    @Size(max = 200) String name,
    Role role,
    @AssertFalse(message = "can only be set to false; users enrol themselves") Boolean mfaEnabled,
    Boolean active) {}
