package io.tocsin.api.inventory;

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
 * memory in bytes plus the seed's {@code _mb}/{@code _gb} conveniences). Absent values are left out
 * rather than sent as null.
 */
final class InventoryViews {

  private static final double MB = 1024.0 * 1024.0;
  private static final double GB = MB * 1024.0;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private InventoryViews() {}

  /** A host for {@code /hosts/summary/} and {@code /hosts/{id}/}. */
  static Map<String, Object> host(Document h, Instant now, Duration inactiveAfter) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "id", h.get("host_id"));
    put(out, "host_id", h.get("host_id"));
    put(out, "hostname", h.get("hostname"));
    List<?> ips = h.getList("ip_addresses", Object.class);
    put(out, "ip_address", ips == null || ips.isEmpty() ? null : ips.get(0));
    put(out, "ip_addresses", ips);
    put(out, "platform", h.get("platform"));
    put(out, "platform_version", h.get("platform_version"));
    put(out, "os_info", h.get("platform_version"));
    put(out, "architecture", h.get("architecture"));
    put(out, "cpu_count", h.get("cpu_count"));
    Number memory = (Number) h.get("memory_total");
    put(out, "total_memory", memory);
    put(out, "total_memory_gb", memory == null ? null : round(memory.doubleValue() / GB));
    put(out, "agent_version", h.get("agent_version"));
    out.put("is_active", isActive(h, now, inactiveAfter));
    put(out, "first_seen", time(h.get("first_seen")));
    put(out, "last_seen", time(h.get("last_seen")));
    put(out, "boot_time", time(h.get("boot_time")));
    if (h.get("boot_time") instanceof Date boot) {
      out.put("uptime_hours", round(Duration.between(boot.toInstant(), now).toSeconds() / 3600.0));
    }
    put(out, "created_at", time(h.get("first_seen")));
    put(out, "updated_at", time(h.get("last_seen")));
    Document latest = h.get("latest", Document.class);
    if (latest != null) {
      out.put("latest_snapshot", snapshotTotals(latest, new LinkedHashMap<>()));
      out.put("process_count", latest.get("total_processes"));
    }
    return out;
  }

  static boolean isActive(Document host, Instant now, Duration inactiveAfter) {
    return host.get("last_seen") instanceof Date seen
        && seen.toInstant().isAfter(now.minus(inactiveAfter));
  }

  /** A snapshot without its processes (for {@code /snapshots/latest/}). */
  static Map<String, Object> snapshot(Document s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", s.get("_id"));
    Map<String, Object> host = new LinkedHashMap<>();
    put(host, "id", s.get("host_id"));
    put(host, "hostname", s.get("hostname"));
    put(host, "platform", s.get("platform"));
    out.put("host", host);
    out.put("host_id", s.get("host_id"));
    snapshotTotals(s, out);
    put(out, "created_at", time(s.get("received_at")));
    return out;
  }

  private static Map<String, Object> snapshotTotals(Document s, Map<String, Object> out) {
    put(out, "id", s.get("id"));
    put(out, "timestamp", time(s.get("timestamp")));
    put(out, "total_processes", s.get("total_processes"));
    put(out, "total_cpu_percent", s.get("total_cpu_percent"));
    Number rss = (Number) s.get("total_memory_rss");
    put(out, "total_memory_mb", rss == null ? null : round(rss.doubleValue() / MB));
    put(out, "system_cpu_percent", s.get("system_cpu_percent"));
    put(out, "system_memory_percent", s.get("system_memory_percent"));
    return out;
  }

  /** One process row ({@code /processes/}, snapshot details). */
  static Map<String, Object> process(Document p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.get("_id"));
    put(out, "snapshot", p.get("snapshot_id"));
    put(out, "snapshot_id", p.get("snapshot_id"));
    put(out, "host_id", p.get("host_id"));
    put(out, "hostname", p.get("hostname"));
    for (String f : new String[] {"pid", "ppid", "name", "exe", "cmdline", "status", "username"}) {
      put(out, f, p.get(f));
    }
    put(out, "cpu_percent", p.get("cpu_percent"));
    memory(p, out);
    put(out, "memory_vms", p.get("memory_vms"));
    Number vms = (Number) p.get("memory_vms");
    put(out, "memory_vms_mb", vms == null ? null : round(vms.doubleValue() / MB));
    put(out, "create_time", time(p.get("create_time")));
    put(out, "num_threads", p.get("num_threads"));
    put(out, "nice", p.get("nice"));
    put(out, "parent_process_name", p.get("parent_process_name"));
    put(out, "child_processes_count", p.get("child_processes_count"));
    if (p.get("create_time") instanceof Date created && p.get("snapshot_time") instanceof Date at) {
      out.put(
          "uptime_seconds",
          Math.max(0, Duration.between(created.toInstant(), at.toInstant()).toSeconds()));
    }
    put(out, "created_at", time(p.get("snapshot_time")));
    return out;
  }

  /** The short process shape of the seed's top-cpu / top-memory lists and tree nodes. */
  static Map<String, Object> processBrief(Document p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.get("_id"));
    for (String f : new String[] {"pid", "ppid", "name", "exe", "status", "username"}) {
      put(out, f, p.get(f));
    }
    put(out, "cpu_percent", p.get("cpu_percent"));
    memory(p, out);
    put(out, "host_id", p.get("host_id"));
    put(out, "hostname", p.get("hostname"));
    put(out, "snapshot_id", p.get("snapshot_id"));
    return out;
  }

  private static void memory(Document p, Map<String, Object> out) {
    Number rss = (Number) p.get("memory_rss");
    put(out, "memory_rss", rss);
    put(out, "memory_rss_mb", rss == null ? null : round(rss.doubleValue() / MB));
    put(out, "memory_percent", p.get("memory_percent"));
  }

  /** System metrics of one snapshot in the seed's flat names, plus the raw metrics as sent. */
  static Map<String, Object> metrics(Document s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", s.get("_id"));
    out.put("host", Map.of("id", s.get("host_id"), "hostname", s.get("hostname")));
    out.put("host_id", s.get("host_id"));
    put(out, "timestamp", time(s.get("timestamp")));
    Document m = s.get("metrics", Document.class);
    if (m != null) {
      m.forEach(
          (k, v) -> {
            if (!k.equals("disk_usage")) {
              out.put(k, v);
            }
          });
      for (String f : new String[] {"memory_total", "memory_available", "memory_used"}) {
        if (m.get(f) instanceof Number n) {
          out.put(f + "_gb", round(n.doubleValue() / GB));
        }
      }
      List<Document> disks = m.getList("disk_usage", Document.class);
      if (disks != null) {
        Map<String, Object> byMount = new LinkedHashMap<>();
        for (Document d : disks) {
          Map<String, Object> usage = new LinkedHashMap<>(d);
          usage.remove("mountpoint");
          byMount.put(d.getString("mountpoint"), usage);
        }
        out.put("disk_usage", byMount);
      }
    }
    put(out, "system_metrics", rawMetrics(s));
    put(out, "created_at", time(s.get("received_at")));
    return out;
  }

  static Object rawMetrics(Document s) {
    String json = s.getString("metrics_json");
    return json == null ? null : JSON.readValue(json, Object.class);
  }

  static String time(Object value) {
    return value instanceof Date d ? d.toInstant().toString() : null;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void put(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
