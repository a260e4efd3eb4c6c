package io.tocsin.api.inventory;

import io.tocsin.api.inventory.InventoryResponses.DiskUsage;
import io.tocsin.api.inventory.InventoryResponses.HostSnapshotTotals;
import io.tocsin.api.inventory.InventoryResponses.HostView;
import io.tocsin.api.inventory.InventoryResponses.InventoryHostRef;
import io.tocsin.api.inventory.InventoryResponses.ProcessBrief;
import io.tocsin.api.inventory.InventoryResponses.ProcessView;
import io.tocsin.api.inventory.InventoryResponses.SnapshotView;
import io.tocsin.api.inventory.InventoryResponses.SystemMetricsView;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored documents → response bodies in the seed's field names (snake_case, ISO-8601 UTC times,
 * memory in bytes plus the seed's {@code _mb}/{@code _gb} conveniences). Absent values stay null,
 * so they are left out rather than sent as null.
 */
final class InventoryViews {

  private static final double MB = 1024.0 * 1024.0;
  private static final double GB = MB * 1024.0;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private InventoryViews() {}

  /** A host for {@code /hosts/summary/} and {@code /hosts/{id}/}. */
  static HostView host(Document h, Instant now, Duration inactiveAfter) {
    List<String> ips = h.getList("ip_addresses", String.class);
    Long memory = longOf(h.get("memory_total"));
    Double uptimeHours =
        h.get("boot_time") instanceof Date boot
            ? round(Duration.between(boot.toInstant(), now).toSeconds() / 3600.0)
            : null;
    Document latest = h.get("latest", Document.class);
    return new HostView(
        h.getString("host_id"),
        h.getString("host_id"),
        h.getString("hostname"),
        ips == null || ips.isEmpty() ? null : ips.get(0),
        ips,
        h.getString("platform"),
        h.getString("platform_version"),
        h.getString("platform_version"),
        h.getString("architecture"),
        longOf(h.get("cpu_count")),
        memory,
        memory == null ? null : round(memory / GB),
        h.getString("agent_version"),
        isActive(h, now, inactiveAfter),
        time(h.get("first_seen")),
        time(h.get("last_seen")),
        time(h.get("boot_time")),
        uptimeHours,
        time(h.get("first_seen")),
        time(h.get("last_seen")),
        latest == null ? null : totals(latest),
        latest == null ? null : longOf(latest.get("total_processes")));
  }

  static boolean isActive(Document host, Instant now, Duration inactiveAfter) {
    return host.get("last_seen") instanceof Date seen
        && seen.toInstant().isAfter(now.minus(inactiveAfter));
  }

  private static HostSnapshotTotals totals(Document latest) {
    return new HostSnapshotTotals(
        latest.getString("id"),
        time(latest.get("timestamp")),
        longOf(latest.get("total_processes")),
        doubleOf(latest.get("total_cpu_percent")),
        mb(latest.get("total_memory_rss")),
        numberOf(latest.get("system_cpu_percent")),
        numberOf(latest.get("system_memory_percent")));
  }

  /** A snapshot without its processes (for {@code /snapshots/latest/}). */
  static SnapshotView snapshot(Document s) {
    return new SnapshotView(
        s.getString("_id"),
        new InventoryHostRef(
            s.getString("host_id"), s.getString("hostname"), s.getString("platform")),
        s.getString("host_id"),
        time(s.get("timestamp")),
        longOf(s.get("total_processes")),
        doubleOf(s.get("total_cpu_percent")),
        mb(s.get("total_memory_rss")),
        numberOf(s.get("system_cpu_percent")),
        numberOf(s.get("system_memory_percent")),
        time(s.get("received_at")));
  }

  /** One process row ({@code /processes/}, snapshot details). */
  static ProcessView process(Document p) {
    Long uptime =
        p.get("create_time") instanceof Date created && p.get("snapshot_time") instanceof Date at
            ? Math.max(0, Duration.between(created.toInstant(), at.toInstant()).toSeconds())
            : null;
    return new ProcessView(
        p.getString("_id"),
        p.getString("snapshot_id"),
        p.getString("snapshot_id"),
        p.getString("host_id"),
        p.getString("hostname"),
        longOf(p.get("pid")),
        longOf(p.get("ppid")),
        p.getString("name"),
        p.getString("exe"),
        p.getString("cmdline"),
        p.getString("status"),
        p.getString("username"),
        doubleOf(p.get("cpu_percent")),
        longOf(p.get("memory_rss")),
        mb(p.get("memory_rss")),
        doubleOf(p.get("memory_percent")),
        longOf(p.get("memory_vms")),
        mb(p.get("memory_vms")),
        time(p.get("create_time")),
        longOf(p.get("num_threads")),
        longOf(p.get("nice")),
        p.getString("parent_process_name"),
        longOf(p.get("child_processes_count")),
        uptime,
        time(p.get("snapshot_time")));
  }

  /** The short process shape of the seed's top-cpu / top-memory lists and tree nodes. */
  static ProcessBrief processBrief(Document p) {
    return new ProcessBrief(
        p.getString("_id"),
        longOf(p.get("pid")),
        longOf(p.get("ppid")),
        p.getString("name"),
        p.getString("exe"),
        p.getString("status"),
        p.getString("username"),
        doubleOf(p.get("cpu_percent")),
        longOf(p.get("memory_rss")),
        mb(p.get("memory_rss")),
        doubleOf(p.get("memory_percent")),
        p.getString("host_id"),
        p.getString("hostname"),
        p.getString("snapshot_id"));
  }

  /** System metrics of one snapshot in the seed's flat names, plus the raw metrics as sent. */
  static SystemMetricsView metrics(Document s) {
    Document m = s.get("metrics", Document.class);
    if (m == null) {
      m = new Document();
    }
    return new SystemMetricsView(
        s.getString("_id"),
        new InventoryHostRef(s.getString("host_id"), s.getString("hostname"), null),
        s.getString("host_id"),
        time(s.get("timestamp")),
        numberOf(m.get("cpu_count")),
        numberOf(m.get("cpu_percent")),
        numberOf(m.get("cpu_freq_current")),
        numberOf(m.get("cpu_freq_min")),
        numberOf(m.get("cpu_freq_max")),
        m.getList("load_average", Number.class),
        numberOf(m.get("memory_total")),
        numberOf(m.get("memory_available")),
        numberOf(m.get("memory_used")),
        numberOf(m.get("memory_free")),
        numberOf(m.get("memory_percent")),
        numbers(m.get("disk_io")),
        numbers(m.get("network_io")),
        gb(m.get("memory_total")),
        gb(m.get("memory_available")),
        gb(m.get("memory_used")),
        diskUsage(m.getList("disk_usage", Document.class)),
        rawMetrics(s),
        time(s.get("received_at")));
  }

  /** Stored as rows with a {@code mountpoint} (safe keys); answered keyed by mount point. */
  private static Map<String, DiskUsage> diskUsage(List<Document> disks) {
    if (disks == null) {
      return null;
    }
    Map<String, DiskUsage> byMount = new LinkedHashMap<>();
    for (Document d : disks) {
      byMount.put(
          d.getString("mountpoint"),
          new DiskUsage(
              d.getString("device"),
              d.getString("fstype"),
              numberOf(d.get("total")),
              numberOf(d.get("used")),
              numberOf(d.get("free")),
              numberOf(d.get("percent"))));
    }
    return byMount;
  }

  private static Map<String, Number> numbers(Object value) {
    if (!(value instanceof Document d)) {
      return null;
    }
    Map<String, Number> out = new LinkedHashMap<>();
    d.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            out.put(k, n);
          }
        });
    return out;
  }

  static Object rawMetrics(Document s) {
    String json = s.getString("metrics_json");
    return json == null ? null : JSON.readValue(json, Object.class);
  }

  static String time(Object value) {
    return value instanceof Date d ? d.toInstant().toString() : null;
  }

  static Long longOf(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  private static Double doubleOf(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static Number numberOf(Object value) {
    return value instanceof Number n ? n : null;
  }

  private static Double mb(Object bytes) {
    return bytes instanceof Number n ? round(n.doubleValue() / MB) : null;
  }

  private static Double gb(Object bytes) {
    return bytes instanceof Number n ? round(n.doubleValue() / GB) : null;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
