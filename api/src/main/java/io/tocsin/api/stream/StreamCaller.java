package io.tocsin.api.stream;

import java.time.Instant;

/**
 * An authenticated stream client: a user (never an agent key) acting in one tenant.
 *
 * @param tenantId the tenant whose messages it gets
 * @param username for logs
 * @param expiresAt when its token expires; the connection ends then
 */
record StreamCaller(String tenantId, String username, Instant expiresAt) {}
