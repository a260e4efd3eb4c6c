package io.tocsin.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The alert queue's filters added for the web UI: {@code tag}, a free {@code condition} on the
 * triggering events, {@code sort}, and {@code GET /alerts/counts}.
 */
class AlertListFiltersTest extends ApiTest {

  @Test
  void listWhenTagGivenThenOnlyAlertsCarryingIt() {
    ApiClient a = TestTenants.tenant(admin(), 30).admin();
    manual(a, "tagged", List.of("phishing", "vip"));
    manual(a, "untagged", List.of());
    JsonNode page = a.get("/api/v1/alerts?tag=vip").body();
    assertThat(page.path("total").asInt()).isEqualTo(1);
    assertThat(page.path("alerts").get(0).path("title").asString()).isEqualTo("tagged");
  }

  @Test
  void listWhenConditionGivenThenMatchesTriggeringEvents() throws InterruptedException {
    ApiClient a = TestTenants.tenant(admin(), 30).admin();
    policy(a, "process.name in ('alpha.exe', 'beta.exe')");
    detect(a, "alpha.exe");
    detect(a, "beta.exe");
    JsonNode page = a.get("/api/v1/alerts?condition=process.name%20%3D%3D%20'beta.exe'").body();
    assertThat(page.path("total").asInt()).as(page.toString()).isEqualTo(1);
    assertThat(page.path("alerts").get(0).path("events").toString()).contains("beta");
  }

  @Test
  void listWhenConditionInvalidThen400WithPositionAndSuggestion() {
    Response r = admin().get("/api/v1/alerts?condition=process.nme%20%3D%3D%20'x'");
    assertThat(r.status()).isEqualTo(400);
    JsonNode d = r.body().path("error").path("details").path("diagnostics").get(0);
    assertThat(d.path("line").asInt()).isEqualTo(1);
    assertThat(d.path("column").asInt()).isEqualTo(1);
    assertThat(d.path("message").asString()).contains("did you mean [process.name]");
  }

  @Test
  void listWhenSortOldestThenCursorPagesAscending() {
    ApiClient a = TestTenants.tenant(admin(), 30).admin();
    for (int i = 0; i < 5; i++) {
      manual(a, "n" + i, List.of());
    }
    List<String> titles = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          a.get(
                  "/api/v1/alerts?sort=created_at&limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .body();
      page.path("alerts").forEach(x -> titles.add(x.path("title").asString()));
      // null cursors are left out of the JSON
      cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
    } while (cursor != null && titles.size() < 10);
    assertThat(titles).containsExactly("n0", "n1", "n2", "n3", "n4");
  }

  @Test
  void listWhenSortUnknownThen400() {
    Response r = admin().get("/api/v1/alerts?sort=title");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("error").path("details").path("field").asString()).isEqualTo("sort");
  }

  @Test
  void countsWhenFilteredThenPerStatusUnderTheOtherFilters() {
    ApiClient a = TestTenants.tenant(admin(), 30).admin();
    String one = manual(a, "one", List.of("x"));
    manual(a, "two", List.of("x"));
    manual(a, "three", List.of("y"));
    a.put("/api/v1/alerts/" + one, Map.of("status", "acknowledged"));
    JsonNode counts = a.get("/api/v1/alerts/counts?tag=x").body();
    assertThat(counts.path("counts").path("open").asInt()).isEqualTo(1);
    assertThat(counts.path("counts").path("acknowledged").asInt()).isEqualTo(1);
    assertThat(counts.path("counts").path("closed").asInt()).isZero();
    assertThat(counts.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void countsAreTenantScoped() {
    ApiClient a = TestTenants.tenant(admin(), 30).admin();
    ApiClient b = TestTenants.tenant(admin(), 30).admin();
    manual(a, "only in a", List.of());
    assertThat(b.get("/api/v1/alerts/counts").body().path("total").asInt()).isZero();
  }

  private static String manual(ApiClient api, String title, List<String> tags) {
    Response r = api.post("/api/v1/alerts", Map.of("title", title, "tags", tags));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("id");
  }

  private static void policy(ApiClient api, String condition) {
    Response r =
        api.post(
            "/api/v1/policies",
            Map.of("name", "filters", "rules", List.of(Map.of("condition", condition))));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private static void detect(ApiClient api, String process) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    for (int i = 0; Instant.now().isBefore(deadline); i++) {
      Response r =
          api.post(
              "/api/v1/events",
              Map.of(
                  "id",
                  process + "-" + i,
                  "host_id",
                  "h-" + process,
                  "event",
                  Map.of("type", "process", "action", "start"),
                  "process",
                  Map.of("name", process, "pid", 7)));
      if (r.body().path("detections").asInt() > 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no detection for " + process);
  }
}
