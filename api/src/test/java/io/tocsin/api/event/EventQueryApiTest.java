package io.tocsin.api.event;

import static io.tocsin.api.event.EventsApiTest.canonical;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /events} filters and paging, {@code GET /events/{id}}, and tenant isolation. */
class EventQueryApiTest extends ApiTest {

  private String tenant;
  private ApiClient client;

  @BeforeEach
  void tenantWithEvents() {
    tenant = "eq-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(admin().post("/api/v1/tenants", Map.of("name", tenant, "id", tenant)).status())
        .isEqualTo(201);
    client = admin().with("X-Tenant-ID", tenant);
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(canonical("e" + i, "2026-01-01T10:00:0" + i + "Z", i < 6 ? "h1" : "h2", "p" + i));
    }
    batch.add(
        Map.of(
            "id", "net1",
            "ts", "2026-01-01T11:00:00Z",
            "host_id", "h3",
            "event", Map.of("type", "network"),
            "network", Map.of("destination", Map.of("ip", "10.1.1.1", "port", 443))));
    Response r = client.post("/api/v1/events", batch);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  @Test
  void listThenNewestFirstWithTotal() {
    Response r = client.get("/api/v1/events");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("total").asInt()).isEqualTo(11);
    assertThat(ids(r)).startsWith("net1", "e9", "e8");
    assertThat(r.body().path("has_more").asBoolean()).isFalse();
  }

  @Test
  void filtersThenOnlyMatching() {
    assertThat(ids(client.get("/api/v1/events?host_id=h2")))
        .containsExactly("e9", "e8", "e7", "e6");
    assertThat(ids(client.get("/api/v1/events?event_type=network"))).containsExactly("net1");
    assertThat(ids(client.get("/api/v1/events?user_id=u-h2")).size()).isEqualTo(4);
    assertThat(
            ids(
                client.get(
                    "/api/v1/events?start_time=2026-01-01T10:00:02Z"
                        + "&end_time=2026-01-01T10:00:04Z")))
        .containsExactly("e4", "e3", "e2");
  }

  @Test
  void offsetPagingThenPagesAndHasMore() {
    Response first = client.get("/api/v1/events?limit=4");
    Response second = client.get("/api/v1/events?limit=4&offset=4");

    assertThat(ids(first)).containsExactly("net1", "e9", "e8", "e7");
    assertThat(first.body().path("has_more").asBoolean()).isTrue();
    assertThat(ids(second)).containsExactly("e6", "e5", "e4", "e3");
  }

  @Test
  void cursorPagingThenStableUnderInserts() {
    Response first = client.get("/api/v1/events?limit=4");
    String cursor = first.text("next_cursor");
    assertThat(cursor).isNotBlank();
    // Newer events arrive between the pages; an offset would shift, the cursor must not.
    client.post(
        "/api/v1/events",
        List.of(
            canonical("late1", "2026-01-01T12:00:00Z", "h1", "x"),
            canonical("late2", "2026-01-01T12:00:01Z", "h1", "y")));

    Set<String> seen = new HashSet<>(ids(first));
    List<String> rest = new ArrayList<>();
    while (cursor != null && !cursor.isBlank()) {
      Response page = client.get("/api/v1/events?limit=4&cursor=" + cursor);
      assertThat(page.status()).isEqualTo(200);
      rest.addAll(ids(page));
      cursor = page.body().path("next_cursor").asString();
    }

    assertThat(rest).containsExactly("e6", "e5", "e4", "e3", "e2", "e1", "e0");
    assertThat(rest).doesNotContainAnyElementsOf(seen);
  }

  @Test
  void badParametersThen400() {
    assertThat(client.get("/api/v1/events?limit=1001").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/events?limit=0").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/events?start_time=yesterday").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/events?cursor=%21%21garbage").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/events?offset=1&cursor=abc").status()).isEqualTo(400);
    assertThat(
            client
                .get(
                    "/api/v1/events?start_time=2026-01-02T00:00:00Z"
                        + "&end_time=2026-01-01T00:00:00Z")
                .status())
        .isEqualTo(400);
  }

  @Test
  void detailThenEventWithMetadata() {
    Response r = client.get("/api/v1/events/e3");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text("id")).isEqualTo("e3");
    assertThat(r.text("ts")).isEqualTo("2026-01-01T10:00:03Z");
    assertThat(r.body().path("process").path("pid").asInt()).isEqualTo(42);
    JsonNode metadata = r.body().path("metadata");
    assertThat(metadata.path("ingested_at").asString()).isNotBlank();
    assertThat(metadata.path("source_shape").asString()).isEqualTo("canonical");
    assertThat(metadata.path("evaluated").asBoolean()).isTrue();
    assertThat(client.get("/api/v1/events/nope").status()).isEqualTo(404);
  }

  @Test
  void otherTenantThen404AndEmpty() {
    String other = "eo-" + UUID.randomUUID().toString().substring(0, 8);
    admin().post("/api/v1/tenants", Map.of("name", other, "id", other));
    ApiClient adminB = userWithRole(admin().with("X-Tenant-ID", other), "admin").client();

    assertThat(adminB.get("/api/v1/events/e3").status()).isEqualTo(404);
    assertThat(adminB.get("/api/v1/events").body().path("total").asInt()).isZero();
    assertThat(
            adminB
                .post("/api/v1/search/events", Map.of("query", "host_id == 'h1'"))
                .body()
                .path("total")
                .asInt())
        .isZero();
    // The same id in another tenant is a different event, not a duplicate.
    Response sent =
        adminB.post("/api/v1/events", canonical("e3", "2026-01-01T10:00:03Z", "hb", "other"));
    assertThat(sent.body().path("stored").asInt()).isEqualTo(1);
    assertThat(adminB.get("/api/v1/events/e3").body().path("host_id").asString()).isEqualTo("hb");
    assertThat(client.get("/api/v1/events/e3").body().path("host_id").asString()).isEqualTo("h1");
  }

  static List<String> ids(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode items = r.body().has("events") ? r.body().path("events") : r.body().path("results");
    List<String> out = new ArrayList<>();
    items.forEach(n -> out.add(n.path("id").asString()));
    return out;
  }
}
