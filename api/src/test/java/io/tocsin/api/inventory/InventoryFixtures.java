package io.tocsin.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Snapshot bodies and per-test tenants for the inventory tests. */
final class InventoryFixtures {

  private InventoryFixtures() {}

  /**
   * A fresh tenant with an agent key, a viewer and an admin acting in it, so counts in one test
   * never see another test's hosts.
   */
  record TenantClients(String id, ApiClient agent, ApiClient viewer, ApiClient admin) {}

  static String newTenant(ApiClient platformAdmin) {
    String id = "inv-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = platformAdmin.post("/api/v1/tenants", Map.of("name", id, "id", id));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id;
  }

  static ApiClient agentKey(ApiClient adminInTenant, ApiClient anonymous) {
    Response key = adminInTenant.post("/api/v1/api-keys", Map.of("name", "agent"));
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    return anonymous.with("X-API-Key", key.text("key"));
  }

  static Map<String, Object> proc(
      long pid, long ppid, String name, String user, double cpu, long rss, String status) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("pid", pid);
    p.put("ppid", ppid);
    p.put("name", name);
    p.put("exe", "/usr/bin/" + name);
    p.put("cmdline", name + " --flag");
    p.put("username", user);
    p.put("status", status);
    p.put("cpu_percent", cpu);
    p.put("memory_rss", rss);
    p.put("memory_percent", 0.5);
    p.put("create_time", "2026-01-01T00:00:00Z");
    p.put("num_threads", 2);
    return p;
  }

  /** A small host in the agent's shape: init(1) → sshd(100) → bash(200) → vim(300), plus nginx. */
  static Map<String, Object> snapshot(String hostId, String hostname, String platform) {
    List<Map<String, Object>> procs = new ArrayList<>();
    procs.add(proc(1, 0, "systemd", "root", 0.1, 10_000_000, "sleeping"));
    procs.add(proc(100, 1, "sshd", "root", 0.5, 20_000_000, "sleeping"));
    procs.add(proc(200, 100, "bash", "alice", 1.5, 5_000_000, "sleeping"));
    procs.add(proc(300, 200, "vim", "alice", 2.5, 40_000_000, "running"));
    procs.add(proc(400, 1, "nginx", "www-data", 30.0, 80_000_000, "running"));
    return snapshot(hostId, hostname, platform, procs);
  }

  static Map<String, Object> snapshot(
      String hostId, String hostname, String platform, List<Map<String, Object>> procs) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("host_id", hostId);
    s.put("hostname", hostname);
    s.put("platform", platform);
    s.put("platform_version", "12");
    s.put("architecture", "amd64");
    s.put("cpu_count", 4);
    s.put("memory_total", 8L * 1024 * 1024 * 1024);
    s.put("boot_time", "2026-01-01T00:00:00Z");
    s.put("ip_addresses", List.of("10.0.0.5"));
    s.put("timestamp", "2026-01-02T00:00:00Z");
    s.put("agent_version", "0.1.0");
    s.put("processes", procs);
    s.put(
        "system_metrics",
        Map.of(
            "cpu", Map.of("percent", 12.5, "count", 4, "load_average", List.of(0.5, 0.4, 0.3)),
            "memory",
                Map.of(
                    "total",
                    8589934592L,
                    "available",
                    4294967296L,
                    "used",
                    4294967296L,
                    "percent",
                    50.0),
            "disk",
                Map.of(
                    "usage",
                    List.of(
                        Map.of(
                            "mountpoint",
                            "/",
                            "device",
                            "/dev/sda1",
                            "fstype",
                            "ext4",
                            "total",
                            1000,
                            "used",
                            400,
                            "free",
                            600,
                            "percent",
                            40.0)),
                    "io",
                    Map.of("read_bytes", 1, "write_bytes", 2)),
            "network", Map.of("io", Map.of("bytes_sent", 10, "bytes_recv", 20))));
    return s;
  }
}
