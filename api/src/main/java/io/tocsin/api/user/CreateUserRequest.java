package io.tocsin.api.user;

import io.tocsin.api.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /users} and {@code POST /auth/register}.
 *
 * @param email email, required
 * @param username login name; defaults to the email
 * @param password initial password; without one the response carries a set-password token
 * @param name display name
 * @param role role; defaults to viewer
 */
public record CreateUserRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @Size(min = 2, max = 254) @Pattern(regexp = "[^\\s]+", message = "must not contain spaces")
        String username,
    @Size(min = 8, max = 128) String password,
    @Size(max = 200) String name,
    Role role) {}
