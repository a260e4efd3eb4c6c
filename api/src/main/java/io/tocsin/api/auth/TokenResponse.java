package io.tocsin.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.security.Role;
import java.time.Instant;

/**
 * Response of login and refresh (DESIGN §6): the access token under both {@code token} and {@code
 * access_token}.
 *
 * @param token access token
 * @param accessToken the same access token
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param expiresAt when the access token expires
 * @param refreshToken one-time refresh token
 * @param user who logged in
 * @param userId id of that user
 * @param role role of that user
 * @param tenantId tenant of that user
 */
record TokenResponse(
    String token,
    String accessToken,
    String tokenType,
    long expiresIn,
    Instant expiresAt,
    String refreshToken,
    Subject user,
    String userId,
    Role role,
    String tenantId) {

  /**
   * The user part of the response.
   *
   * @param id id
   * @param email email
   * @param username username
   * @param role role
   * @param tenantId tenant
   */
  @Schema(name = "TokenSubject")
  record Subject(String id, String email, String username, Role role, String tenantId) {}
}
