package io.tocsin.api.inventory;

import static io.tocsin.api.inventory.InventoryFixtures.proc;
import static io.tocsin.api.inventory.InventoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InventoryReadApiTest extends InventoryTestBase {

  @Test
  void hostsSummaryListsHostsWithLatestSnapshotAndFilters() {
    submit(snapshot("h-1", "web-1", "Debian GNU/Linux"));
    submit(snapshot("h-2", "db-1", "Windows"));

    Response all = ok(viewer.get("/api/v1/hosts/summary/"));
    JsonNode linux = ok(viewer.get("/api/v1/hosts/summary/?platform=linux")).body();
    JsonNode byName = ok(viewer.get("/api/v1/hosts/summary?hostname=DB")).body();
    JsonNode active = ok(viewer.get("/api/v1/hosts/summary/?active=true")).body();
    JsonNode inactive = ok(viewer.get("/api/v1/hosts/summary/?active=false")).body();

    assertThat(all.body().size()).isEqualTo(2);
    assertThat(all.header("X-Total-Count")).isEqualTo("2");
    JsonNode db = all.body().get(0);
    assertThat(db.path("id").asString()).isEqualTo("h-2");
    assertThat(db.path("is_active").asBoolean()).isTrue();
    assertThat(db.path("process_count").asInt()).isEqualTo(5);
    assertThat(db.path("latest_snapshot").path("total_processes").asInt()).isEqualTo(5);
    assertThat(db.path("latest_snapshot").path("total_cpu_percent").asDouble()).isEqualTo(34.6);
    assertThat(db.path("total_memory_gb").asDouble()).isEqualTo(8.0);
    assertThat(linux.size()).isEqualTo(1);
    assertThat(linux.get(0).path("hostname").asString()).isEqualTo("web-1");
    assertThat(byName.size()).isEqualTo(1);
    assertThat(byName.get(0).path("hostname").asString()).isEqualTo("db-1");
    assertThat(active.size()).isEqualTo(2);
    assertThat(inactive.size()).isZero();
    assertThat(viewer.get("/api/v1/hosts/summary/?active=maybe").status()).isEqualTo(400);
  }

  @Test
  void hostDetailThen200AndUnknownThen404() {
    submit(snapshot("h-1", "web-1", "Linux"));

    JsonNode host = ok(viewer.get("/api/v1/hosts/h-1/")).body();
    Response missing = viewer.get("/api/v1/hosts/nope/");

    assertThat(host.path("hostname").asString()).isEqualTo("web-1");
    assertThat(host.path("platform_version").asString()).isEqualTo("12");
    assertThat(host.path("architecture").asString()).isEqualTo("amd64");
    assertThat(host.path("cpu_count").asInt()).isEqualTo(4);
    assertThat(host.path("ip_addresses").get(0).asString()).isEqualTo("10.0.0.5");
    assertThat(host.path("boot_time").asString()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(host.path("first_seen").asString()).isNotBlank();
    assertThat(host.path("last_seen").asString()).isNotBlank();
    assertThat(host.path("uptime_hours").isNumber()).isTrue();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void latestSnapshotsOnePerHostAndByHostId() {
    submit(snapshot("h-1", "web-1", "Linux"));
    String newest = submit(snapshot("h-1", "web-1", "Linux")).text("snapshot_id");
    submit(snapshot("h-2", "web-2", "Linux"));

    JsonNode all = ok(viewer.get("/api/v1/snapshots/latest/")).body();
    JsonNode one = ok(viewer.get("/api/v1/snapshots/latest?host_id=h-1")).body();

    assertThat(all.size()).isEqualTo(2);
    assertThat(one.size()).isEqualTo(1);
    assertThat(one.get(0).path("id").asString()).isEqualTo(newest);
    assertThat(one.get(0).path("host").path("hostname").asString()).isEqualTo("web-1");
    assertThat(one.get(0).path("total_processes").asInt()).isEqualTo(5);
    assertThat(one.get(0).path("system_cpu_percent").asDouble()).isEqualTo(12.5);
    assertThat(one.get(0).path("system_memory_percent").asDouble()).isEqualTo(50.0);
    assertThat(one.get(0).path("timestamp").asString()).isEqualTo("2026-01-02T00:00:00Z");
  }

  @Test
  void snapshotDetailCarriesProcessesAndMetrics() {
    String id = submit(snapshot("h-1", "web-1", "Linux")).text("snapshot_id");

    JsonNode s = ok(viewer.get("/api/v1/snapshots/" + id + "/")).body();

    assertThat(s.path("id").asString()).isEqualTo(id);
    assertThat(s.path("processes").size()).isEqualTo(5);
    JsonNode bash = s.path("processes").get(2);
    assertThat(bash.path("name").asString()).isEqualTo("bash");
    assertThat(bash.path("parent_process_name").asString()).isEqualTo("sshd");
    assertThat(bash.path("child_processes_count").asInt()).isEqualTo(1);
    assertThat(bash.path("uptime_seconds").asLong()).isEqualTo(86_400);
    assertThat(s.path("system_metrics").path("cpu").path("percent").asDouble()).isEqualTo(12.5);
    assertThat(viewer.get("/api/v1/snapshots/unknown/").status()).isEqualTo(404);
  }

  @Test
  void treeNestsChildrenUnderParentsByPpid() {
    List<Map<String, Object>> procs = new ArrayList<>();
    procs.add(proc(1, 0, "systemd", "root", 0, 1, "sleeping"));
    procs.add(proc(100, 1, "sshd", "root", 0, 1, "sleeping"));
    procs.add(proc(200, 100, "bash", "alice", 0, 1, "sleeping"));
    procs.add(proc(300, 200, "vim", "alice", 0, 1, "running"));
    procs.add(proc(400, 1, "nginx", "www", 0, 1, "running"));
    procs.add(proc(2, 0, "kthreadd", "root", 0, 0, "sleeping"));
    procs.add(proc(900, 555, "orphan", "bob", 0, 1, "sleeping"));
    procs.add(proc(700, 701, "loop-a", "x", 0, 1, "sleeping"));
    procs.add(proc(701, 700, "loop-b", "x", 0, 1, "sleeping"));
    String id = submit(snapshot("h-1", "web-1", "Linux", procs)).text("snapshot_id");

    JsonNode tree = ok(viewer.get("/api/v1/snapshots/" + id + "/tree/")).body();

    List<String> roots = new ArrayList<>();
    tree.forEach(n -> roots.add(n.path("process").path("name").asString()));
    assertThat(roots).containsExactly("systemd", "kthreadd", "orphan", "loop-a");
    JsonNode systemd = tree.get(0);
    assertThat(systemd.path("children").size()).isEqualTo(2);
    JsonNode sshd = systemd.path("children").get(0);
    assertThat(sshd.path("process").path("pid").asLong()).isEqualTo(100);
    JsonNode vim = sshd.path("children").get(0).path("children").get(0);
    assertThat(vim.path("process").path("name").asString()).isEqualTo("vim");
    assertThat(vim.path("children").size()).isZero();
    assertThat(tree.get(3).path("children").get(0).path("process").path("name").asString())
        .isEqualTo("loop-b");
    assertThat(viewer.get("/api/v1/snapshots/unknown/tree/").status()).isEqualTo(404);
  }

  @Test
  void systemMetricsLatestFlattensTheAgentShape() {
    submit(snapshot("h-1", "web-1", "Linux"));

    JsonNode m = ok(viewer.get("/api/v1/system-metrics/latest/?hostname=web")).body().get(0);

    assertThat(m.path("host").path("id").asString()).isEqualTo("h-1");
    assertThat(m.path("cpu_percent").asDouble()).isEqualTo(12.5);
    assertThat(m.path("cpu_count").asInt()).isEqualTo(4);
    assertThat(m.path("memory_total").asLong()).isEqualTo(8589934592L);
    assertThat(m.path("memory_total_gb").asDouble()).isEqualTo(8.0);
    assertThat(m.path("memory_percent").asDouble()).isEqualTo(50.0);
    assertThat(m.path("disk_usage").path("/").path("percent").asDouble()).isEqualTo(40.0);
    assertThat(m.path("disk_io").path("write_bytes").asLong()).isEqualTo(2);
    assertThat(m.path("network_io").path("bytes_recv").asLong()).isEqualTo(20);
    assertThat(m.path("system_metrics").path("memory").path("total").asLong())
        .isEqualTo(8589934592L);
  }

  @Test
  void statusCountsHostsSnapshotsAndProcesses() {
    JsonNode empty = ok(viewer.get("/api/v1/status")).body();
    submit(snapshot("h-1", "web-1", "Linux"));
    submit(snapshot("h-1", "web-1", "Linux"));
    submit(snapshot("h-2", "web-2", "Linux"));

    JsonNode s = ok(viewer.get("/api/v1/status/")).body();

    assertThat(empty.path("hosts").path("total").asInt()).isZero();
    assertThat(empty.has("last_submission")).as("absent until the first submission").isFalse();
    assertThat(s.path("tenant_id").asString()).isEqualTo(tenant);
    assertThat(s.path("hosts").path("total").asInt()).isEqualTo(2);
    assertThat(s.path("hosts").path("active").asInt()).isEqualTo(2);
    assertThat(s.path("hosts").path("inactive").asInt()).isZero();
    assertThat(s.path("snapshots").asInt()).isEqualTo(3);
    assertThat(s.path("processes").asInt()).isEqualTo(10);
    assertThat(s.path("stored_processes").asInt()).isEqualTo(15);
    assertThat(s.path("last_submission").asString()).isNotBlank();
  }

  @Test
  void devicesPageThroughTheSameHosts() {
    for (int i = 0; i < 5; i++) {
      submit(snapshot("h-" + i, "host-" + i, "Linux"));
    }

    JsonNode first = ok(viewer.get("/api/v1/devices?page=1&per_page=2")).body();
    JsonNode last = ok(viewer.get("/api/v1/devices?page=3&per_page=2")).body();
    JsonNode beyond = ok(viewer.get("/api/v1/devices?page=4&per_page=2")).body();
    JsonNode offline = ok(viewer.get("/api/v1/devices?status=offline")).body();

    assertThat(first.path("devices").size()).isEqualTo(2);
    assertThat(first.path("total").asInt()).isEqualTo(5);
    assertThat(first.path("total_pages").asInt()).isEqualTo(3);
    assertThat(first.path("page").asInt()).isEqualTo(1);
    assertThat(first.path("per_page").asInt()).isEqualTo(2);
    JsonNode device = first.path("devices").get(0);
    assertThat(device.path("id").asString()).isEqualTo("h-4");
    assertThat(device.path("name").asString()).isEqualTo("host-4");
    assertThat(device.path("status").asString()).isEqualTo("online");
    assertThat(device.path("details").path("ip").asString()).isEqualTo("10.0.0.5");
    assertThat(device.path("details").path("os").asString()).isEqualTo("Linux 12");
    assertThat(last.path("devices").size()).isEqualTo(1);
    assertThat(beyond.path("devices").size()).isZero();
    assertThat(offline.path("total").asInt()).isZero();
    assertThat(viewer.get("/api/v1/devices?page=0").status()).isEqualTo(400);
    assertThat(viewer.get("/api/v1/devices?per_page=1001").status()).isEqualTo(400);
  }

  @Test
  void otherTenantsHostsSnapshotsAndProcessesAreInvisible() {
    String snapshotId = submit(snapshot("h-1", "web-1", "Linux")).text("snapshot_id");
    ApiClient platformAdmin = platformAdmin();
    String other = InventoryFixtures.newTenant(platformAdmin);
    ApiClient otherAdmin = platformAdmin.with("X-Tenant-ID", other);
    ApiClient otherViewer = userWithRole(otherAdmin, "viewer").client();
    ApiClient otherAgent = InventoryFixtures.agentKey(otherAdmin, anonymous());
    // The same host id in another tenant is another host.
    assertThat(otherAgent.post("/api/v1/submit/", snapshot("h-1", "other", "Linux")).status())
        .isEqualTo(201);

    assertThat(otherViewer.get("/api/v1/snapshots/" + snapshotId + "/").status()).isEqualTo(404);
    assertThat(otherViewer.get("/api/v1/snapshots/" + snapshotId + "/tree/").status())
        .isEqualTo(404);
    assertThat(ok(otherViewer.get("/api/v1/hosts/h-1/")).body().path("hostname").asString())
        .isEqualTo("other");
    assertThat(ok(viewer.get("/api/v1/hosts/h-1/")).body().path("hostname").asString())
        .isEqualTo("web-1");
    assertThat(
            ok(otherViewer.get("/api/v1/processes/?snapshot_id=" + snapshotId))
                .body()
                .path("count")
                .asInt())
        .isZero();
    JsonNode otherTop = ok(otherViewer.get("/api/v1/processes/top-cpu/?limit=100")).body();
    otherTop.forEach(p -> assertThat(p.path("hostname").asString()).isEqualTo("other"));
    assertThat(ok(otherViewer.get("/api/v1/hosts/summary/")).body().size()).isEqualTo(1);
    assertThat(ok(otherViewer.get("/api/v1/status/")).body().path("snapshots").asInt())
        .isEqualTo(1);
    assertThat(ok(viewer.get("/api/v1/devices")).body().path("total").asInt()).isEqualTo(1);
  }
}
