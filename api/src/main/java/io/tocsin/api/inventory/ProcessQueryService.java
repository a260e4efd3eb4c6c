package io.tocsin.api.inventory;

import com.mongodb.client.model.Sorts;
import io.tocsin.api.inventory.InventoryResponses.ProcessBrief;
import io.tocsin.api.inventory.InventoryResponses.ProcessView;
import io.tocsin.api.web.Paging;
import java.util.List;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/** Process listing, search and the top-CPU / top-memory lists, all within one tenant. */
@Service
class ProcessQueryService {

  /** Hosts whose latest snapshots one process query may span. */
  static final int MAX_HOSTS = 100_000;

  private final InventoryStore store;
  private final InventoryQueryService inventory;

  ProcessQueryService(InventoryStore store, InventoryQueryService inventory) {
    this.store = store;
    this.inventory = inventory;
  }

  DrfPage<ProcessView> list(String tenantId, ProcessQuery query, Paging paging) {
    Bson sort = query.sort();
    Bson filter = query.toBson(tenantId, scope(tenantId, query));
    List<ProcessView> results =
        store.processes(filter, sort, paging.offset(), paging.limit()).stream()
            .map(InventoryViews::process)
            .toList();
    return DrfPage.of(paging, store.countProcesses(filter), results);
  }

  /** The {@code limit} processes with the highest {@code field} across the latest snapshots. */
  List<ProcessBrief> top(String tenantId, HostFilter hosts, String field, int limit) {
    ProcessQuery all =
        new ProcessQuery(
            hosts.hostId(),
            hosts.hostname(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Bson filter = all.toBson(tenantId, inventory.latestSnapshotIds(tenantId, hosts, MAX_HOSTS));
    return store
        .processes(filter, Sorts.orderBy(Sorts.descending(field), Sorts.ascending("_id")), 0, limit)
        .stream()
        .map(InventoryViews::processBrief)
        .toList();
  }

  private List<String> scope(String tenantId, ProcessQuery query) {
    return query.snapshotId() != null
        ? null
        : inventory.latestSnapshotIds(tenantId, query.hosts(), MAX_HOSTS);
  }
}
