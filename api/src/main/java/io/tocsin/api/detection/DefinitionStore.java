package io.tocsin.api.detection;

/**
 * Reads a tenant's stored definitions. Implemented by the policy feature (which sees policies,
 * lists and macros), so this package does not depend on how they are stored.
 */
public interface DefinitionStore {

  TenantDefinitions load(String tenantId);
}
