package io.tocsin.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the auth endpoints. */
final class AuthRequests {

  private AuthRequests() {}

  /**
   * Login.
   *
   * @param username username or email
   * @param password password
   * @param mfaCode current TOTP code, for users with MFA
   * @param tenantId tenant, only needed when the username exists in several (or send X-Tenant-ID)
   */
  @Schema(name = "LoginRequest")
  record Login(
      @NotBlank @Size(max = 254) String username,
      @NotBlank @Size(max = 128) String password,
      String mfaCode,
      String tenantId) {}

  /**
   * Refresh.
   *
   * @param refreshToken the one-time refresh token
   */
  @Schema(name = "RefreshRequest")
  record Refresh(@NotBlank String refreshToken) {}

  /**
   * Logout; the refresh token is optional.
   *
   * @param refreshToken refresh token to revoke too
   */
  @Schema(name = "LogoutRequest")
  record Logout(String refreshToken) {}

  /**
   * Set a password with a one-time token.
   *
   * @param token the set-password token
   * @param password the new password
   */
  @Schema(name = "SetPasswordRequest")
  record SetPassword(@NotBlank String token, @NotBlank @Size(min = 8, max = 128) String password) {}

  /**
   * A TOTP code.
   *
   * @param code six digits
   */
  @Schema(name = "MfaCodeRequest")
  record MfaCode(@NotBlank String code) {}
}
