/**
 * Logging in and out: password (and optional TOTP) login issuing HS256 JWTs with jjwt, the
 * jjwt-backed {@code JwtDecoder} Spring Security verifies them with, rotating refresh tokens, a
 * denylist of revoked token ids, registration, set-password tokens and failed-login throttling.
 */
package io.tocsin.api.auth;
