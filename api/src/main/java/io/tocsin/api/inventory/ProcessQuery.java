package io.tocsin.api.inventory;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.tocsin.api.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.conversions.Bson;

/**
 * The process filters of {@code GET /processes/} and {@code POST /processes/search/} (the seed's
 * names plus {@code host_id}, {@code pid}, {@code ppid} and DRF-style {@code ordering}). Without a
 * snapshot the query covers each matching host's latest snapshot: "the processes running now".
 *
 * @param hostId exact host id
 * @param hostname host name substring (case-insensitive)
 * @param snapshotId one snapshot (any stored one, not only the latest)
 * @param name process name substring (case-insensitive)
 * @param username exact user name
 * @param status exact status ({@code running}, {@code sleeping}, ...; case-insensitive)
 * @param pid exact pid
 * @param ppid exact parent pid
 * @param minCpu lowest {@code cpu_percent}
 * @param maxCpu highest {@code cpu_percent}
 * @param minMemory lowest {@code memory_rss} in bytes
 * @param maxMemory highest {@code memory_rss} in bytes
 * @param ordering comma-separated fields, {@code -} for descending, e.g. {@code -cpu_percent,pid}
 */
record ProcessQuery(
    String hostId,
    String hostname,
    String snapshotId,
    String name,
    String username,
    String status,
    Long pid,
    Long ppid,
    Double minCpu,
    Double maxCpu,
    Long minMemory,
    Long maxMemory,
    String ordering) {

  static final Set<String> ORDERABLE =
      Set.of(
          "pid",
          "ppid",
          "name",
          "username",
          "status",
          "cpu_percent",
          "memory_rss",
          "memory_vms",
          "memory_percent",
          "create_time",
          "num_threads",
          "hostname",
          "host_id");

  HostFilter hosts() {
    return HostFilter.of(hostId, hostname);
  }

  /** The filter, given the snapshots in scope (null: {@link #snapshotId} decides). */
  Bson toBson(String tenantId, List<String> latestSnapshots) {
    List<Bson> parts = new ArrayList<>();
    parts.add(Filters.eq(InventoryStore.TENANT, tenantId));
    if (snapshotId != null) {
      parts.add(Filters.eq(InventoryStore.SNAPSHOT_ID, snapshotId));
      if (hostId != null) {
        parts.add(Filters.eq(InventoryStore.HOST_ID, hostId));
      }
      if (hostname != null) {
        parts.add(HostFilter.contains("hostname", hostname));
      }
    } else {
      parts.add(Filters.in(InventoryStore.SNAPSHOT_ID, latestSnapshots));
    }
    if (name != null) {
      parts.add(HostFilter.contains("name", name));
    }
    if (username != null) {
      parts.add(Filters.eq("username", username));
    }
    if (status != null) {
      parts.add(Filters.eq("status", status.toLowerCase(Locale.ROOT)));
    }
    if (pid != null) {
      parts.add(Filters.eq("pid", pid));
    }
    if (ppid != null) {
      parts.add(Filters.eq("ppid", ppid));
    }
    if (minCpu != null) {
      parts.add(Filters.gte("cpu_percent", minCpu));
    }
    if (maxCpu != null) {
      parts.add(Filters.lte("cpu_percent", maxCpu));
    }
    if (minMemory != null) {
      parts.add(Filters.gte("memory_rss", minMemory));
    }
    if (maxMemory != null) {
      parts.add(Filters.lte("memory_rss", maxMemory));
    }
    return Filters.and(parts);
  }

  /** The sort of {@link #ordering} (default: host, then pid), always ending on the unique id. */
  Bson sort() {
    List<Bson> sorts = new ArrayList<>();
    String spec = ordering == null || ordering.isBlank() ? "hostname,pid" : ordering;
    for (String part : spec.split(",")) {
      String field = part.trim();
      boolean descending = field.startsWith("-");
      field = descending ? field.substring(1) : field;
      if (!ORDERABLE.contains(field)) {
        throw ApiException.badRequest(
            "[ordering] cannot sort by [" + field + "]",
            Map.of("orderable", ORDERABLE.stream().sorted().toList()));
      }
      sorts.add(descending ? Sorts.descending(field) : Sorts.ascending(field));
    }
    sorts.add(Sorts.ascending("_id"));
    return Sorts.orderBy(sorts);
  }

  /** The seed's search body ({@code process_name} or {@code name}, {@code snapshot} or ...). */
  static ProcessQuery fromBody(Object body) {
    if (body != null && !(body instanceof Map<?, ?>)) {
      throw ApiException.badRequest("The search must be a JSON object");
    }
    Map<?, ?> m = body == null ? Map.of() : (Map<?, ?>) body;
    FieldReader r = new FieldReader();
    String name = r.string(m, "process_name", "process_name", 1024);
    String snapshot = r.string(m, "snapshot", "snapshot", 128);
    ProcessQuery q =
        new ProcessQuery(
            r.string(m, "host_id", "host_id", 128),
            r.string(m, "hostname", "hostname", 255),
            snapshot != null ? snapshot : r.string(m, "snapshot_id", "snapshot_id", 128),
            name != null ? name : r.string(m, "name", "name", 1024),
            r.string(m, "username", "username", 256),
            r.string(m, "status", "status", 64),
            r.integer(m, "pid", "pid", 0, Long.MAX_VALUE),
            r.integer(m, "ppid", "ppid", 0, Long.MAX_VALUE),
            r.nonNegative(m, "min_cpu", "min_cpu"),
            r.nonNegative(m, "max_cpu", "max_cpu"),
            r.integer(m, "min_memory", "min_memory", 0, Long.MAX_VALUE),
            r.integer(m, "max_memory", "max_memory", 0, Long.MAX_VALUE),
            r.string(m, "ordering", "ordering", 256));
    if (!r.errors().isEmpty()) {
      throw ApiException.badRequest("Invalid search", Map.of("fields", r.errors()));
    }
    return q.normalized();
  }

  /** Blank strings mean "no filter", as in a query string. */
  ProcessQuery normalized() {
    return new ProcessQuery(
        HostFilter.blankToNull(hostId),
        HostFilter.blankToNull(hostname),
        HostFilter.blankToNull(snapshotId),
        HostFilter.blankToNull(name),
        HostFilter.blankToNull(username),
        HostFilter.blankToNull(status),
        pid,
        ppid,
        minCpu,
        maxCpu,
        minMemory,
        maxMemory,
        HostFilter.blankToNull(ordering));
  }
}
