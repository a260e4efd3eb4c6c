package io.tocsin.api.inventory;

import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
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

  /**
   * The id of the tenant's host that {@code target} names: its host id, else its hostname, else one
   * of its IP addresses. Empty when no host of the tenant matches or when two hosts share the name.
   */
  public Optional<String> resolve(String tenantId, String target) {
    if (target == null || target.isBlank()) {
      return Optional.empty();
    }
    String t = target.trim();
    if (exists(tenantId, t)) {
      return Optional.of(t);
    }
    for (String field : List.of("hostname", "ip_addresses")) {
      List<Document> found =
          store.hosts(
              Filters.and(Filters.eq(InventoryStore.TENANT, tenantId), Filters.eq(field, t)),
              new Document(InventoryStore.HOST_ID, 1),
              0,
              2);
      if (found.size() == 1) {
        return Optional.ofNullable(found.get(0).getString(InventoryStore.HOST_ID));
      }
    }
    return Optional.empty();
  }

  /** How many hosts the tenant's inventory knows. */
  public long count(String tenantId) {
    return store.countHosts(Filters.eq(InventoryStore.TENANT, tenantId));
  }
}
