package io.tocsin.api.inventory;

import org.springframework.stereotype.Component;

/** Whether a host (an OpenFrame "device") is known to a tenant's inventory, for other features. */
@Component
public class HostDirectory {

  private final InventoryStore store;

  HostDirectory(InventoryStore store) {
    this.store = store;
  }

  /** True when the host has submitted inventory to the tenant ({@code GET /devices} lists it). */
  public boolean exists(String tenantId, String hostId) {
    return hostId != null && store.host(tenantId, hostId) != null;
  }
}
