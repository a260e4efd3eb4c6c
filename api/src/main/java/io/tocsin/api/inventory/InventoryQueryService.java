package io.tocsin.api.inventory;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.inventory.InventoryResponses.DevicePage;
import io.tocsin.api.inventory.InventoryResponses.DevicePageMeta;
import io.tocsin.api.inventory.InventoryResponses.HostCounts;
import io.tocsin.api.inventory.InventoryResponses.HostView;
import io.tocsin.api.inventory.InventoryResponses.InventoryStatus;
import io.tocsin.api.inventory.InventoryResponses.ProcessTreeNode;
import io.tocsin.api.inventory.InventoryResponses.SnapshotDetail;
import io.tocsin.api.inventory.InventoryResponses.SnapshotView;
import io.tocsin.api.inventory.InventoryResponses.SystemMetricsView;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/**
 * Tenant-scoped reads of hosts, snapshots and metrics. "Latest" always means the snapshot a host
 * points at, so a reader never sees a snapshot whose processes are still being written.
 */
@Service
class InventoryQueryService {

  private final InventoryStore store;
  private final InventoryProperties properties;
  private final Clock clock;

  InventoryQueryService(InventoryStore store, InventoryProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  /** A page of hosts, most recently seen first. */
  HostPage hosts(String tenantId, HostFilter filter, int limit, long offset) {
    Instant now = clock.instant();
    Bson query = filter.toBson(tenantId, cutoff(now));
    List<HostView> hosts = new ArrayList<>();
    for (Document h : store.hosts(query, hostOrder(), offset, limit)) {
      hosts.add(InventoryViews.host(h, now, properties.inactiveAfter()));
    }
    return new HostPage(hosts, store.countHosts(query));
  }

  /** Hosts and their total. */
  record HostPage(List<HostView> hosts, long total) {}

  HostView host(String tenantId, String hostId) {
    Document h = store.host(tenantId, hostId);
    if (h == null) {
      throw ApiException.notFound("Host");
    }
    return InventoryViews.host(h, clock.instant(), properties.inactiveAfter());
  }

  /** Latest snapshot of each matching host, most recently seen host first. */
  List<SnapshotView> latestSnapshots(String tenantId, HostFilter filter, int limit) {
    return latest(tenantId, filter, limit).stream().map(InventoryViews::snapshot).toList();
  }

  List<SystemMetricsView> latestMetrics(String tenantId, HostFilter filter, int limit) {
    return latest(tenantId, filter, limit).stream().map(InventoryViews::metrics).toList();
  }

  private List<Document> latest(String tenantId, HostFilter filter, int limit) {
    List<String> ids = latestSnapshotIds(tenantId, filter, limit);
    Map<String, Document> byId = new HashMap<>();
    store.snapshots(tenantId, ids).forEach(s -> byId.put(s.getString("_id"), s));
    return ids.stream().map(byId::get).filter(s -> s != null).toList();
  }

  /** Ids of the latest snapshots of the matching hosts (most recently seen first). */
  List<String> latestSnapshotIds(String tenantId, HostFilter filter, int limit) {
    List<String> ids = new ArrayList<>();
    for (Document h :
        store.hosts(filter.toBson(tenantId, cutoff(clock.instant())), hostOrder(), 0, limit)) {
      Document latest = h.get("latest", Document.class);
      if (latest != null && latest.getString("id") != null) {
        ids.add(latest.getString("id"));
      }
    }
    return ids;
  }

  /** A snapshot with its processes (by pid) and its system metrics. */
  SnapshotDetail snapshot(String tenantId, String id) {
    Document s = requireSnapshot(tenantId, id);
    return new SnapshotDetail(
        InventoryViews.snapshot(s),
        snapshotRows(tenantId, id).stream().map(InventoryViews::process).toList(),
        InventoryViews.rawMetrics(s));
  }

  List<ProcessTreeNode> tree(String tenantId, String id) {
    requireSnapshot(tenantId, id);
    return ProcessTree.build(snapshotRows(tenantId, id));
  }

  private Document requireSnapshot(String tenantId, String id) {
    Document s = store.snapshot(tenantId, id);
    if (s == null) {
      throw ApiException.notFound("Snapshot");
    }
    return s;
  }

  private List<Document> snapshotRows(String tenantId, String snapshotId) {
    return store.processes(
        Filters.and(
            Filters.eq(InventoryStore.TENANT, tenantId),
            Filters.eq(InventoryStore.SNAPSHOT_ID, snapshotId)),
        Sorts.ascending("pid"),
        0,
        properties.maxProcesses());
  }

  /** Counts for {@code /status/}. */
  InventoryStatus status(String tenantId) {
    Instant now = clock.instant();
    Bson tenant = Filters.eq(InventoryStore.TENANT, tenantId);
    long hosts = store.countHosts(tenant);
    long active =
        store.countHosts(new HostFilter(null, null, null, true).toBson(tenantId, cutoff(now)));
    long current = 0;
    Instant lastSubmission = null;
    for (Document h : store.hosts(tenant, hostOrder(), 0, Integer.MAX_VALUE)) {
      Document latest = h.get("latest", Document.class);
      if (latest != null && latest.get("total_processes") instanceof Number n) {
        current += n.longValue();
      }
      if (h.get(InventoryStore.LAST_SEEN) instanceof java.util.Date seen
          && (lastSubmission == null || seen.toInstant().isAfter(lastSubmission))) {
        lastSubmission = seen.toInstant();
      }
    }
    return new InventoryStatus(
        "ok",
        tenantId,
        new HostCounts(hosts, active, hosts - active),
        store.countSnapshots(tenantId),
        current,
        store.countProcesses(tenant),
        lastSubmission == null ? null : lastSubmission.toString(),
        properties.inactiveAfter().toSeconds(),
        properties.history(),
        now.toString());
  }

  /** The OpenFrame devices page over the same hosts. */
  DevicePage devices(String tenantId, int page, int perPage, Boolean online) {
    Instant now = clock.instant();
    Bson query = new HostFilter(null, null, null, online).toBson(tenantId, cutoff(now));
    long total = store.countHosts(query);
    Paging paging = new Paging(perPage, (long) (page - 1) * perPage);
    List<DeviceView> devices = new ArrayList<>();
    for (Document h : store.hosts(query, hostOrder(), paging.offset(), perPage)) {
      devices.add(DeviceView.of(h, InventoryViews.isActive(h, now, properties.inactiveAfter())));
    }
    return new DevicePage(
        devices,
        page,
        perPage,
        (total + perPage - 1) / perPage,
        new DevicePageMeta(page, perPage, total),
        PageInfo.of(paging, total, devices.size()));
  }

  private Instant cutoff(Instant now) {
    return now.minus(properties.inactiveAfter());
  }

  /** Most recently seen first; the unique id breaks ties so pages never overlap. */
  private static Bson hostOrder() {
    return Sorts.orderBy(Sorts.descending(InventoryStore.LAST_SEEN), Sorts.ascending("_id"));
  }
}
