package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.list.NamedValues;
import org.springframework.stereotype.Component;

/** The tenant's stored policies, lists and macros, as engines and validation read them. */
@Component
class StoredDefinitions implements DefinitionStore {

  private final PolicyStore policies;
  private final NamedValues named;

  StoredDefinitions(PolicyStore policies, NamedValues named) {
    this.policies = policies;
    this.named = named;
  }

  @Override
  public TenantDefinitions load(String tenantId) {
    return new TenantDefinitions(
        policies.all(tenantId).stream().map(PolicyStore::definition).toList(),
        named.lists(tenantId),
        named.macros(tenantId));
  }
}
