package io.tocsin.api.security;

/**
 * The principal of a request authenticated by {@code X-API-Key}.
 *
 * @param keyId id of the key
 * @param tenantId tenant the key belongs to
 * @param name name given to the key
 * @param hostId the only host the key may act for, or null for any host of its tenant
 */
public record ApiKeyPrincipal(String keyId, String tenantId, String name, String hostId) {}
