/**
 * Logging in and out: password (and optional TOTP) login issuing HS256 JWTs with jjwt, the
 * jjwt-backed {@code JwtDecoder} Spring Security verifies them with, the per-request {@link
 * io.tocsin.api.auth.SessionCheck} (the token's user still exists, is active, has not had its
 * sessions revoked; the current role applies), rotating refresh tokens, a denylist of revoked token
 * ids, registration, set-password tokens, TOTP codes accepted once and secrets encrypted at rest,
 * and failed-login throttling per account and address shared through the database.
 */
package io.tocsin.api.auth;
