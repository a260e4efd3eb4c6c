package io.tocsin.api.inventory;

import static io.tocsin.api.inventory.InventoryFixtures.proc;
import static io.tocsin.api.inventory.InventoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SubmitApiTest extends InventoryTestBase {

  @Test
  void submitWithApiKeyThen201WithSeedResponse() {
    Response r = submit(snapshot("h-1", "web-1", "Debian GNU/Linux"));

    assertThat(r.text("status")).isEqualTo("success");
    assertThat(r.text("snapshot_id")).isNotBlank().isEqualTo(r.text("id"));
    assertThat(r.text("host_id")).isEqualTo("h-1");
    assertThat(r.text("hostname")).isEqualTo("web-1");
    assertThat(r.body().path("processes_count").asInt()).isEqualTo(5);
  }

  @Test
  void submitWithoutTrailingSlashAlsoAccepted() {
    Response r = agent.post("/api/v1/submit", snapshot("h-1", "web-1", "Linux"));

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  void submitWithoutKeyThen401() {
    Response r = anonymous().post("/api/v1/submit/", snapshot("h-1", "web-1", "Linux"));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }

  @Test
  void submitWithUnknownKeyThen401() {
    Response r =
        anonymous()
            .with("X-API-Key", "tsk_not-a-real-key")
            .post("/api/v1/submit/", snapshot("h-1", "web-1", "Linux"));

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void submitByViewerThen403() {
    assertThat(viewer.post("/api/v1/submit/", snapshot("h-1", "web-1", "Linux")).status())
        .isEqualTo(403);
  }

  @Test
  void agentKeyCannotReadInventoryThen403() {
    submit(snapshot("h-1", "web-1", "Linux"));

    for (String path :
        List.of(
            "/api/v1/hosts/summary/",
            "/api/v1/hosts/h-1/",
            "/api/v1/processes/",
            "/api/v1/snapshots/latest/",
            "/api/v1/status/",
            "/api/v1/devices")) {
      assertThat(agent.get(path).status()).as(path).isEqualTo(403);
    }
  }

  @Test
  void submitInvalidThen400NamingEveryBadField() {
    Map<String, Object> body = snapshot("bad id!", " ", "Linux");
    List<Map<String, Object>> procs = new ArrayList<>();
    procs.add(proc(1, 0, "init", "root", 0, 1, "sleeping"));
    procs.add(proc(1, 0, "dup", "root", 0, 1, "sleeping"));
    Map<String, Object> badPid = new HashMap<>(proc(2, 1, "x", "root", 0, 1, "sleeping"));
    badPid.put("pid", "two");
    procs.add(badPid);
    Map<String, Object> badCpu = new HashMap<>(proc(3, 1, "y", "root", 0, 1, "sleeping"));
    badCpu.put("cpu_percent", -1);
    badCpu.put("create_time", "yesterday");
    procs.add(badCpu);
    body.put("processes", procs);
    body.put("memory_total", "lots");

    Response r = agent.post("/api/v1/submit/", body);

    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    JsonNode fields = r.body().path("error").path("details").path("fields");
    assertThat(fields.path("hostname").asString()).isEqualTo("is required");
    assertThat(fields.path("host_id").asString()).contains("letters, digits");
    assertThat(fields.path("memory_total").asString()).isEqualTo("must be an integer");
    assertThat(fields.path("processes[1].pid").asString()).contains("duplicate pid 1");
    assertThat(fields.path("processes[2].pid").asString()).isEqualTo("must be an integer");
    assertThat(fields.path("processes[3].cpu_percent").asString())
        .isEqualTo("must not be negative");
    assertThat(fields.path("processes[3].create_time").asString()).contains("ISO-8601");
  }

  @Test
  void submitWithoutProcessesOrNotAnObjectThen400() {
    Map<String, Object> body = snapshot("h-1", "web-1", "Linux");
    body.remove("processes");

    Response missing = agent.post("/api/v1/submit/", body);
    Response array = agent.send("POST", "/api/v1/submit/", "[1,2]", "application/json");
    Response malformed =
        agent.send("POST", "/api/v1/submit/", "{\"hostname\":", "application/json");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("error").path("details").path("fields").has("processes"))
        .isTrue();
    assertThat(array.status()).isEqualTo(400);
    assertThat(malformed.status()).isEqualTo(400);
  }

  /**
   * The seed's own request body: no host id, single ip, os_info, epoch create_time, flat metrics.
   */
  @Test
  void submitInSeedShapeThen201AndNormalized() {
    Map<String, Object> p =
        new HashMap<>(proc(1234, 1, "explorer.exe", "user", 2.5, 52428800, "running"));
    p.put("create_time", 1640995200.0);
    p.put("memory_vms", 104857600);
    p.put("nice", 0);
    Map<String, Object> body = new HashMap<>();
    body.put("hostname", "workstation-01");
    body.put("ip_address", "192.168.1.100");
    body.put("os_info", "Windows 10 Pro");
    body.put("platform", "Windows");
    body.put("architecture", "x86_64");
    body.put("cpu_count", 8);
    body.put("total_memory", 17179869184L);
    body.put("processes", List.of(p));
    body.put(
        "system_metrics",
        Map.of(
            "cpu_count",
            8,
            "memory_total",
            17179869184L,
            "memory_percent",
            50.0,
            "disk_usage",
            Map.of("C:", Map.of("total", 500, "used", 250, "free", 250, "percent", 50.0)),
            "network_io",
            Map.of("bytes_sent", 1048576, "bytes_recv", 2097152)));

    Response r = submit(body);
    String hostId = r.text("host_id");
    Response again = submit(body);

    assertThat(again.text("host_id")).as("stable derived id").isEqualTo(hostId);
    JsonNode host = ok(viewer.get("/api/v1/hosts/" + hostId + "/")).body();
    assertThat(host.path("ip_address").asString()).isEqualTo("192.168.1.100");
    assertThat(host.path("os_info").asString()).isEqualTo("Windows 10 Pro");
    assertThat(host.path("total_memory_gb").asDouble()).isEqualTo(16.0);
    JsonNode process =
        ok(viewer.get("/api/v1/processes/?name=explorer")).body().path("results").get(0);
    assertThat(process.path("create_time").asString()).isEqualTo("2022-01-01T00:00:00Z");
    assertThat(process.path("memory_vms_mb").asDouble()).isEqualTo(100.0);
    JsonNode metrics = ok(viewer.get("/api/v1/system-metrics/latest/")).body().get(0);
    assertThat(metrics.path("memory_percent").asDouble()).isEqualTo(50.0);
    assertThat(metrics.path("disk_usage").path("C:").path("percent").asDouble()).isEqualTo(50.0);
    assertThat(metrics.path("network_io").path("bytes_recv").asLong()).isEqualTo(2097152);
  }

  /**
   * The exact JSON the agent posts: {@code agent-snapshot.json} is the output of the agent's own
   * {@code OshiSnapshotSource} on a Linux host (written with its {@code EventCodec.JSON} mapper),
   * cut to its first 40 processes so it fits the tests' 64 KB body limit. The agent's classes need
   * OSHI, which the api module must not depend on, hence a fixture rather than a live call.
   */
  @Test
  void submitExactAgentOutputThen201AndReadable() throws IOException {
    String json;
    try (InputStream in = getClass().getResourceAsStream("agent-snapshot.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Response r = agent.send("POST", "/api/v1/submit/", json, "application/json");

    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.body().path("processes_count").asInt()).isEqualTo(40);
    String hostId = r.text("host_id");
    JsonNode host = ok(viewer.get("/api/v1/hosts/" + hostId)).body();
    assertThat(host.path("hostname").asString()).isEqualTo("vm");
    assertThat(host.path("platform").asString()).isEqualTo("Debian GNU/Linux");
    assertThat(host.path("ip_addresses").size()).isEqualTo(2);
    assertThat(host.path("agent_version").asString()).isEqualTo("0.1.0");
    assertThat(host.path("is_active").asBoolean()).isTrue();
    JsonNode snapshot = ok(viewer.get("/api/v1/snapshots/" + r.text("snapshot_id") + "/")).body();
    assertThat(snapshot.path("processes").size()).isEqualTo(40);
    assertThat(snapshot.path("system_cpu_percent").isNumber()).isTrue();
    assertThat(snapshot.path("system_metrics").path("disk").path("usage").isArray()).isTrue();
    JsonNode metrics = ok(viewer.get("/api/v1/system-metrics/latest/")).body().get(0);
    assertThat(metrics.path("disk_usage").has("/")).isTrue();
    assertThat(metrics.path("load_average").size()).isEqualTo(3);
    JsonNode tree = ok(viewer.get("/api/v1/snapshots/" + r.text("snapshot_id") + "/tree/")).body();
    assertThat(tree.size()).isGreaterThan(0);
  }

  @Test
  void historyKeepsOnlyTheLastSnapshotsPerHost() {
    String first = submit(snapshot("h-1", "web-1", "Linux")).text("snapshot_id");
    for (int i = 0; i < 20; i++) {
      submit(snapshot("h-1", "web-1", "Linux"));
    }
    submit(snapshot("h-2", "web-2", "Linux"));

    JsonNode status = ok(viewer.get("/api/v1/status/")).body();
    assertThat(status.path("snapshot_history").asInt()).isEqualTo(20);
    assertThat(status.path("snapshots").asInt()).isEqualTo(21);
    assertThat(status.path("stored_processes").asInt()).isEqualTo(21 * 5);
    assertThat(viewer.get("/api/v1/snapshots/" + first + "/").status()).isEqualTo(404);
    assertThat(
            ok(viewer.get("/api/v1/processes/?snapshot_id=" + first)).body().path("count").asInt())
        .isZero();
  }

  @Test
  void testConnectionWithKeyOrUserConfirmsTenant() {
    JsonNode byKey = ok(agent.get("/api/v1/test-connection/")).body();
    JsonNode byKeyPost = ok(agent.post("/api/v1/test-connection", null)).body();
    JsonNode byUser = ok(viewer.get("/api/v1/test-connection")).body();

    assertThat(byKey.path("status").asString()).isEqualTo("success");
    assertThat(byKey.path("credential").asString()).isEqualTo("api_key");
    assertThat(byKey.path("tenant_id").asString()).isEqualTo(tenant);
    assertThat(byKeyPost.path("tenant_id").asString()).isEqualTo(tenant);
    assertThat(byUser.path("credential").asString()).isEqualTo("user");
    assertThat(byUser.path("role").asString()).isEqualTo("viewer");
    assertThat(byUser.path("tenant_id").asString()).isEqualTo(tenant);
    assertThat(anonymous().get("/api/v1/test-connection/").status()).isEqualTo(401);
    assertThat(anonymous().with("X-API-Key", "tsk_wrong").get("/api/v1/test-connection/").status())
        .isEqualTo(401);
  }
}
