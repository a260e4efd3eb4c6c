package io.tocsin.api.user;

/**
 * Published after a user's account changed in a way the request-time session check must see: role,
 * activation, deletion, or a revocation of all of the user's sessions.
 *
 * @param userId the user
 * @param sessionsRevoked whether every access and refresh token of the user was revoked
 */
public record UserChanged(String userId, boolean sessionsRevoked) {}
