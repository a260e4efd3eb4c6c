package io.tocsin.api.inventory;

import static io.tocsin.api.inventory.InventoryFixtures.proc;
import static io.tocsin.api.inventory.InventoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProcessApiTest extends InventoryTestBase {

  @Test
  void listCoversLatestSnapshotsOnlyByDefault() {
    String old = submit(snapshot("h-1", "web-1", "Linux")).text("snapshot_id");
    String latest = submit(snapshot("h-1", "web-1", "Linux")).text("snapshot_id");
    submit(snapshot("h-2", "web-2", "Linux"));

    JsonNode all = ok(viewer.get("/api/v1/processes/")).body();
    JsonNode ofOld = ok(viewer.get("/api/v1/processes?snapshot=" + old)).body();

    assertThat(all.path("count").asInt()).isEqualTo(10);
    all.path("results")
        .forEach(
            p -> {
              if (p.path("host_id").asString().equals("h-1")) {
                assertThat(p.path("snapshot").asString()).isEqualTo(latest);
              }
            });
    assertThat(ofOld.path("count").asInt()).isEqualTo(5);
    JsonNode first = all.path("results").get(0);
    assertThat(first.path("id").asString()).isNotBlank();
    assertThat(first.path("memory_rss_mb").isNumber()).isTrue();
    assertThat(first.path("created_at").asString()).isEqualTo("2026-01-02T00:00:00Z");
  }

  @Test
  void filtersNarrowTheResults() {
    submit(snapshot("h-1", "web-1", "Linux"));
    submit(snapshot("h-2", "db-1", "Linux"));

    assertThat(count("?host_id=h-1")).isEqualTo(5);
    assertThat(count("?hostname=db")).isEqualTo(5);
    assertThat(count("?name=SSH")).isEqualTo(2);
    assertThat(count("?username=alice")).isEqualTo(4);
    assertThat(count("?status=RUNNING")).isEqualTo(4);
    assertThat(count("?pid=300")).isEqualTo(2);
    assertThat(count("?ppid=1")).isEqualTo(4);
    assertThat(count("?min_cpu=2")).isEqualTo(4);
    assertThat(count("?min_cpu=2&max_cpu=10")).isEqualTo(2);
    assertThat(count("?min_memory=30000000")).isEqualTo(4);
    assertThat(count("?max_memory=10000000&host_id=h-2")).isEqualTo(2);
    assertThat(count("?name=nothing-like-this")).isZero();
  }

  @Test
  void pagesCarryDrfNextAndPreviousLinks() {
    List<Map<String, Object>> procs = new ArrayList<>();
    for (int pid = 1; pid <= 25; pid++) {
      procs.add(proc(pid, 0, "p" + pid, "root", pid, pid * 1000L, "sleeping"));
    }
    submit(snapshot("h-1", "web-1", "Linux", procs));

    JsonNode page1 = ok(viewer.get("/api/v1/processes/?limit=10&ordering=pid")).body();
    JsonNode page2 = ok(viewer.get(path(page1.path("next").asString()))).body();
    JsonNode page3 = ok(viewer.get(path(page2.path("next").asString()))).body();
    JsonNode back = ok(viewer.get(path(page2.path("previous").asString()))).body();

    assertThat(page1.path("count").asInt()).isEqualTo(25);
    assertThat(page1.path("previous").isNull()).isTrue();
    assertThat(page1.path("next").asString())
        .startsWith("http://localhost:" + port + "/api/v1/processes/")
        .contains("limit=10")
        .contains("offset=10")
        .contains("ordering=pid");
    assertThat(pids(page1)).startsWith(1L, 2L).hasSize(10);
    assertThat(pids(page2)).startsWith(11L).hasSize(10);
    assertThat(pids(page3)).containsExactly(21L, 22L, 23L, 24L, 25L);
    assertThat(page3.path("next").isNull()).isTrue();
    assertThat(page3.path("has_more").asBoolean()).isFalse();
    assertThat(page2.path("previous").asString()).doesNotContain("offset=");
    assertThat(pids(back)).isEqualTo(pids(page1));
  }

  @Test
  void orderingSortsAndUnknownFieldOrBadLimitThen400() {
    submit(snapshot("h-1", "web-1", "Linux"));

    JsonNode byCpu = ok(viewer.get("/api/v1/processes/?ordering=-cpu_percent")).body();
    JsonNode byName = ok(viewer.get("/api/v1/processes/?ordering=name")).body();

    assertThat(byCpu.path("results").get(0).path("name").asString()).isEqualTo("nginx");
    assertThat(byName.path("results").get(0).path("name").asString()).isEqualTo("bash");
    Response unknown = viewer.get("/api/v1/processes/?ordering=secret");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(viewer.get("/api/v1/processes/?limit=1001").status()).isEqualTo(400);
    assertThat(viewer.get("/api/v1/processes/?limit=0").status()).isEqualTo(400);
    assertThat(viewer.get("/api/v1/processes/?offset=-1").status()).isEqualTo(400);
    assertThat(viewer.get("/api/v1/processes/?min_cpu=lots").status()).isEqualTo(400);
  }

  @Test
  void searchTakesTheSeedBody() {
    submit(snapshot("h-1", "web-1", "Linux"));
    submit(snapshot("h-2", "db-1", "Linux"));

    JsonNode r =
        ok(viewer.post(
                "/api/v1/processes/search/?limit=1",
                Map.of(
                    "hostname",
                    "web",
                    "process_name",
                    "VI",
                    "status",
                    "running",
                    "username",
                    "alice",
                    "min_cpu",
                    1.0,
                    "max_cpu",
                    10.0,
                    "min_memory",
                    1_000_000,
                    "max_memory",
                    100_000_000)))
            .body();
    Response bad = viewer.post("/api/v1/processes/search", Map.of("min_cpu", "high"));

    assertThat(r.path("count").asInt()).isEqualTo(1);
    assertThat(r.path("results").get(0).path("name").asString()).isEqualTo("vim");
    assertThat(r.path("results").get(0).path("hostname").asString()).isEqualTo("web-1");
    assertThat(ok(viewer.post("/api/v1/processes/search", Map.of())).body().path("count").asInt())
        .isEqualTo(10);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("error").path("details").path("fields").has("min_cpu")).isTrue();
  }

  @Test
  void topCpuAndTopMemoryOrderTheLatestSnapshots() {
    submit(snapshot("h-1", "web-1", "Linux"));
    List<Map<String, Object>> procs = new ArrayList<>();
    procs.add(proc(1, 0, "init", "root", 99.0, 1_000, "running"));
    procs.add(proc(2, 1, "java", "app", 5.0, 900_000_000, "running"));
    submit(snapshot("h-2", "db-1", "Linux", procs));

    JsonNode cpu = ok(viewer.get("/api/v1/processes/top-cpu/?limit=3")).body();
    JsonNode memory = ok(viewer.get("/api/v1/processes/top-memory")).body();
    JsonNode cpuOfWeb = ok(viewer.get("/api/v1/processes/top-cpu/?host_id=h-1&limit=1")).body();

    assertThat(names(cpu)).containsExactly("init", "nginx", "java");
    assertThat(cpu.get(0).path("cpu_percent").asDouble()).isEqualTo(99.0);
    assertThat(cpu.get(0).path("hostname").asString()).isEqualTo("db-1");
    assertThat(names(memory)).startsWith("java", "nginx", "vim").hasSize(7);
    assertThat(memory.get(0).path("memory_rss_mb").asDouble()).isGreaterThan(800);
    assertThat(names(cpuOfWeb)).containsExactly("nginx");
    assertThat(viewer.get("/api/v1/processes/top-cpu/?limit=5000").status()).isEqualTo(400);
  }

  private int count(String query) {
    return ok(viewer.get("/api/v1/processes/" + query)).body().path("count").asInt();
  }

  private static String path(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static List<Long> pids(JsonNode page) {
    List<Long> pids = new ArrayList<>();
    page.path("results").forEach(p -> pids.add(p.path("pid").asLong()));
    return pids;
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.forEach(p -> names.add(p.path("name").asString()));
    return names;
  }
}
