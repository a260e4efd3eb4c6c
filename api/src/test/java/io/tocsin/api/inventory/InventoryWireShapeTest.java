package io.tocsin.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pins the field names each inventory endpoint writes, as they were when the views were built as
 * maps (issue #21 typed the edges: the records must write exactly these keys, no more, no less),
 * and that metric values travel back with the JSON type they were sent in.
 */
class InventoryWireShapeTest extends InventoryTestBase {

  private static final Set<String> PROCESS =
      Set.of(
          "id",
          "snapshot",
          "snapshot_id",
          "host_id",
          "hostname",
          "pid",
          "ppid",
          "name",
          "exe",
          "cmdline",
          "status",
          "username",
          "cpu_percent",
          "memory_rss",
          "memory_rss_mb",
          "memory_percent",
          "create_time",
          "num_threads",
          "parent_process_name",
          "child_processes_count",
          "uptime_seconds",
          "created_at");
  private static final Set<String> PROCESS_BRIEF =
      Set.of(
          "id",
          "pid",
          "ppid",
          "name",
          "exe",
          "status",
          "username",
          "cpu_percent",
          "memory_rss",
          "memory_rss_mb",
          "memory_percent",
          "host_id",
          "hostname",
          "snapshot_id");
  private static final Set<String> SNAPSHOT =
      Set.of(
          "id",
          "host",
          "host_id",
          "timestamp",
          "total_processes",
          "total_cpu_percent",
          "total_memory_mb",
          "system_cpu_percent",
          "system_memory_percent",
          "created_at");

  @Test
  void everyEndpointWritesTheKeysItWroteBeforeTheViewsWereTyped() {
    Map<String, Object> snapshot = InventoryFixtures.snapshot("wire-1", "wire", "Linux");
    JsonNode submitted = submit(snapshot).body();
    assertThat(names(submitted))
        .containsExactlyInAnyOrder(
            "status", "id", "snapshot_id", "host_id", "hostname", "timestamp", "processes_count");
    String snapshotId = submitted.path("snapshot_id").asString();

    JsonNode host = ok(viewer.get("/api/v1/hosts/summary/")).body().get(0);
    Set<String> hostKeys =
        Set.of(
            "id",
            "host_id",
            "hostname",
            "ip_address",
            "ip_addresses",
            "platform",
            "platform_version",
            "os_info",
            "architecture",
            "cpu_count",
            "total_memory",
            "total_memory_gb",
            "agent_version",
            "is_active",
            "first_seen",
            "last_seen",
            "boot_time",
            "uptime_hours",
            "created_at",
            "updated_at",
            "latest_snapshot",
            "process_count");
    assertThat(names(host)).isEqualTo(new TreeSet<>(hostKeys));
    assertThat(names(ok(viewer.get("/api/v1/hosts/wire-1/")).body()))
        .isEqualTo(new TreeSet<>(hostKeys));
    assertThat(names(host.path("latest_snapshot")))
        .containsExactlyInAnyOrder(
            "id",
            "timestamp",
            "total_processes",
            "total_cpu_percent",
            "total_memory_mb",
            "system_cpu_percent",
            "system_memory_percent");

    JsonNode latest = ok(viewer.get("/api/v1/snapshots/latest/")).body().get(0);
    assertThat(names(latest)).isEqualTo(new TreeSet<>(SNAPSHOT));
    assertThat(names(latest.path("host"))).containsExactlyInAnyOrder("id", "hostname", "platform");

    JsonNode detail = ok(viewer.get("/api/v1/snapshots/" + snapshotId + "/")).body();
    Set<String> detailKeys = new TreeSet<>(SNAPSHOT);
    detailKeys.addAll(List.of("processes", "system_metrics"));
    assertThat(names(detail)).isEqualTo(detailKeys);
    assertThat(names(detail.path("processes").get(1))).isEqualTo(new TreeSet<>(PROCESS));
    assertThat(detail.path("system_metrics").path("cpu").path("percent").asDouble())
        .isEqualTo(12.5);

    JsonNode root = ok(viewer.get("/api/v1/snapshots/" + snapshotId + "/tree/")).body().get(0);
    assertThat(names(root)).containsExactlyInAnyOrder("process", "children");
    assertThat(names(root.path("process"))).isEqualTo(new TreeSet<>(PROCESS_BRIEF));
    assertThat(names(root.path("children").get(0)))
        .containsExactlyInAnyOrder("process", "children");

    JsonNode page = ok(viewer.get("/api/v1/processes/?limit=2")).body();
    assertThat(names(page))
        .containsExactlyInAnyOrder(
            "count", "next", "previous", "results", "total", "limit", "offset", "has_more");
    assertThat(page.path("previous").isNull()).isTrue();
    assertThat(names(ok(viewer.get("/api/v1/processes/top-cpu/")).body().get(0)))
        .isEqualTo(new TreeSet<>(PROCESS_BRIEF));

    assertThat(names(ok(viewer.get("/api/v1/status/")).body()))
        .containsExactlyInAnyOrder(
            "status",
            "tenant_id",
            "hosts",
            "snapshots",
            "processes",
            "stored_processes",
            "last_submission",
            "inactive_after_seconds",
            "snapshot_history",
            "server_time");

    JsonNode devices = ok(viewer.get("/api/v1/devices")).body();
    assertThat(names(devices))
        .as("the OpenFrame page plus the paging fields every list carries")
        .containsExactlyInAnyOrder(
            "devices",
            "page",
            "per_page",
            "total",
            "total_pages",
            "meta",
            "limit",
            "offset",
            "has_more");
    assertThat(names(devices.path("meta"))).containsExactlyInAnyOrder("page", "per_page", "total");
    JsonNode device = devices.path("devices").get(0);
    assertThat(names(device))
        .containsExactlyInAnyOrder("id", "name", "type", "status", "last_seen", "details");
    assertThat(names(device.path("details")))
        .containsExactlyInAnyOrder(
            "os",
            "ip",
            "ips",
            "architecture",
            "cpu_count",
            "memory_total",
            "agent_version",
            "last_seen");
  }

  @Test
  void metricsKeepTheirKeysAndTheJsonTypeTheAgentSent() {
    Map<String, Object> snapshot =
        new LinkedHashMap<>(InventoryFixtures.snapshot("wire-2", "wire2", "Linux"));
    snapshot.put(
        "system_metrics",
        Map.of(
            "cpu_percent",
            12,
            "cpu_count",
            4,
            "memory_total",
            8589934592L,
            "memory_percent",
            50,
            "disk_usage",
            Map.of("C:", Map.of("total", 1000, "used", 500, "percent", 50)),
            "network_io",
            Map.of("bytes_sent", 10)));
    submit(snapshot);

    JsonNode metrics = ok(viewer.get("/api/v1/system-metrics/latest/")).body().get(0);
    assertThat(names(metrics))
        .containsExactlyInAnyOrder(
            "id",
            "host",
            "host_id",
            "timestamp",
            "cpu_percent",
            "cpu_count",
            "memory_total",
            "memory_percent",
            "network_io",
            "memory_total_gb",
            "disk_usage",
            "system_metrics",
            "created_at");
    assertThat(names(metrics.path("host"))).containsExactlyInAnyOrder("id", "hostname");
    assertThat(metrics.path("cpu_percent").isIntegralNumber()).as(metrics.toString()).isTrue();
    assertThat(metrics.path("cpu_percent").asInt()).isEqualTo(12);
    assertThat(metrics.path("memory_total_gb").asDouble()).isEqualTo(8.0);
    assertThat(names(metrics.path("disk_usage").path("C:")))
        .containsExactlyInAnyOrder("total", "used", "percent");
    assertThat(metrics.path("disk_usage").path("C:").path("percent").isIntegralNumber()).isTrue();

    JsonNode latest = ok(viewer.get("/api/v1/snapshots/latest/?host_id=wire-2")).body().get(0);
    assertThat(latest.path("system_cpu_percent").isIntegralNumber()).isTrue();
  }

  @Test
  void testConnectionNamesTheCredentialsOwnFieldsOnly() {
    assertThat(names(ok(agent.get("/api/v1/test-connection/")).body()))
        .containsExactlyInAnyOrder(
            "status",
            "message",
            "authenticated",
            "credential",
            "tenant_id",
            "api_key_id",
            "api_key_name",
            "api_version",
            "server_time");
    assertThat(names(ok(viewer.post("/api/v1/test-connection/", Map.of())).body()))
        .containsExactlyInAnyOrder(
            "status",
            "message",
            "authenticated",
            "credential",
            "tenant_id",
            "user_id",
            "username",
            "role",
            "api_version",
            "server_time");
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
