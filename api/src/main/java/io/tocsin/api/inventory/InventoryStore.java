package io.tocsin.api.inventory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The three inventory collections. {@code inventory_hosts}: one document per tenant and host id,
 * with a pointer to the host's latest snapshot. {@code inventory_snapshots}: host facts and metrics
 * at one time. {@code inventory_processes}: one document per process row, keyed by snapshot. Every
 * read filters by tenant; each query the API serves has an index (the embedded store keeps only the
 * unique ones, real MongoDB builds all).
 */
@Component
class InventoryStore {

  static final String TENANT = "tenant_id";
  static final String HOST_ID = "host_id";
  static final String SNAPSHOT_ID = "snapshot_id";
  static final String RECEIVED_AT = "received_at";
  static final String LAST_SEEN = "last_seen";

  private final MongoCollection<Document> hosts;
  private final MongoCollection<Document> snapshots;
  private final MongoCollection<Document> processes;

  InventoryStore(MongoTemplate template) {
    this.hosts = template.getCollection("inventory_hosts");
    this.snapshots = template.getCollection("inventory_snapshots");
    this.processes = template.getCollection("inventory_processes");
    ensureIndexes();
  }

  private void ensureIndexes() {
    hosts.createIndex(
        Indexes.ascending(TENANT, HOST_ID), new IndexOptions().unique(true).name("tenant_host"));
    hosts.createIndex(
        Indexes.ascending(TENANT, LAST_SEEN), new IndexOptions().name("tenant_last_seen"));
    hosts.createIndex(
        Indexes.ascending(TENANT, "hostname"), new IndexOptions().name("tenant_hostname"));
    snapshots.createIndex(
        Indexes.ascending(TENANT, HOST_ID, RECEIVED_AT),
        new IndexOptions().name("tenant_host_received"));
    processes.createIndex(
        Indexes.ascending(TENANT, SNAPSHOT_ID, "pid"), new IndexOptions().name("tenant_snap_pid"));
    processes.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending(TENANT, SNAPSHOT_ID), Indexes.descending("cpu_percent")),
        new IndexOptions().name("tenant_snap_cpu"));
    processes.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending(TENANT, SNAPSHOT_ID), Indexes.descending("memory_rss")),
        new IndexOptions().name("tenant_snap_rss"));
  }

  /** Stores a snapshot: processes first, then the snapshot, then the host's pointer to it. */
  void save(Document host, Document hostOnInsert, Document snapshot, List<Document> rows) {
    if (!rows.isEmpty()) {
      processes.insertMany(rows);
    }
    snapshots.insertOne(snapshot);
    hosts.updateOne(
        Filters.eq("_id", host.get("_id")),
        new Document("$set", withoutId(host)).append("$setOnInsert", hostOnInsert),
        new UpdateOptions().upsert(true));
  }

  /** Deletes all but the newest {@code keep} snapshots of a host, with their processes. */
  int prune(String tenantId, String hostId, int keep) {
    List<String> old = new ArrayList<>();
    snapshots
        .find(Filters.and(Filters.eq(TENANT, tenantId), Filters.eq(HOST_ID, hostId)))
        .sort(Sorts.descending(RECEIVED_AT))
        .skip(keep)
        .projection(Projections.include("_id"))
        .forEach(d -> old.add(d.getString("_id")));
    if (old.isEmpty()) {
      return 0;
    }
    processes.deleteMany(Filters.and(Filters.eq(TENANT, tenantId), Filters.in(SNAPSHOT_ID, old)));
    snapshots.deleteMany(Filters.and(Filters.eq(TENANT, tenantId), Filters.in("_id", old)));
    return old.size();
  }

  Document host(String tenantId, String hostId) {
    return hosts
        .find(Filters.and(Filters.eq(TENANT, tenantId), Filters.eq(HOST_ID, hostId)))
        .first();
  }

  List<Document> hosts(Bson filter, Bson sort, long skip, int limit) {
    return hosts.find(filter).sort(sort).skip((int) skip).limit(limit).into(new ArrayList<>());
  }

  long countHosts(Bson filter) {
    return hosts.countDocuments(filter);
  }

  Document snapshot(String tenantId, String id) {
    return snapshots.find(Filters.and(Filters.eq(TENANT, tenantId), Filters.eq("_id", id))).first();
  }

  List<Document> snapshots(String tenantId, Collection<String> ids) {
    return snapshots
        .find(Filters.and(Filters.eq(TENANT, tenantId), Filters.in("_id", ids)))
        .into(new ArrayList<>());
  }

  long countSnapshots(String tenantId) {
    return snapshots.countDocuments(Filters.eq(TENANT, tenantId));
  }

  List<Document> processes(Bson filter, Bson sort, long skip, int limit) {
    return processes.find(filter).sort(sort).skip((int) skip).limit(limit).into(new ArrayList<>());
  }

  long countProcesses(Bson filter) {
    return processes.countDocuments(filter);
  }

  private static Document withoutId(Document d) {
    Document copy = new Document(d);
    copy.remove("_id");
    return copy;
  }
}
