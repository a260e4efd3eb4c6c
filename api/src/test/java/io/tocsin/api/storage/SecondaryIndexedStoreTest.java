package io.tocsin.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * {@code TOCSIN_EMBEDDED_SECONDARY_INDEXES=true}: the events indexes exist as maps in the store and
 * the events API answers through them. Its own in-memory store: the shared tests' file is locked.
 */
@TestPropertySource(properties = "tocsin.embedded.secondary-indexes=true")
class SecondaryIndexedStoreTest extends ApiTest {

  @TestBean(name = "embeddedMvStore", methodName = "memoryStore")
  MVStore store;

  @Autowired MVStore embeddedMvStore;

  static MVStore memoryStore() {
    return new MVStore.Builder().autoCommitDisabled().open();
  }

  @Test
  void eventsAreListedAndCountedThroughTheIndexes() {
    assertThat(embeddedMvStore.getMapNames())
        .contains(
            "tocsin.events._index_tenant_ts",
            "tocsin.events._index_tenant_host_ts",
            "tocsin.events._index_tenant_type_ts",
            "tocsin.events._index_tenant_user_ts");

    ApiClient admin = admin();
    Instant base = Instant.parse("2026-03-01T10:00:00Z");
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(
          Map.of(
              "id", "ix-" + i,
              "ts", base.plusSeconds(i).toString(),
              "host_id", i % 3 == 0 ? "ix-db" : "ix-web",
              "event", Map.of("type", i % 2 == 0 ? "process" : "network", "action", "x"),
              "process", Map.of("name", "p" + i, "pid", i)));
    }
    assertThat(admin.post("/api/v1/events", batch).status()).isEqualTo(200);

    JsonNode db = admin.get("/api/v1/events?host_id=ix-db&limit=3").body();
    assertThat(db.path("total").asLong()).isEqualTo(10);
    assertThat(db.path("events"))
        .extracting(e -> e.path("id").asString())
        .containsExactly("ix-27", "ix-24", "ix-21");

    String range =
        "&start_time=" + base.plusSeconds(10) + "&end_time=" + base.plusSeconds(20) + "&limit=100";
    JsonNode network = admin.get("/api/v1/events?event_type=network" + range).body();
    assertThat(network.path("events"))
        .extracting(e -> e.path("id").asString())
        .containsExactly("ix-19", "ix-17", "ix-15", "ix-13", "ix-11");
    assertThat(network.path("total").asLong()).isEqualTo(5);
  }
}
