package io.tocsin.api.security;

/**
 * Whether a tenant exists; implemented by the tenant feature, used to resolve {@code X-Tenant-ID}.
 */
public interface TenantDirectory {

  boolean exists(String tenantId);
}
