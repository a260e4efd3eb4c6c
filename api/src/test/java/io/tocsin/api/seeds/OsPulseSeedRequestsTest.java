package io.tocsin.api.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OS-Pulse integration guide: its agent posts batches to {@code /api/events} with the key as a
 * bearer token, and retries a batch whose answer it did not get.
 */
class OsPulseSeedRequestsTest extends ApiTest {

  private ApiClient admin;
  private ApiClient agent;

  @BeforeEach
  void agentWithBoundKey() {
    admin = TestTenants.tenant(admin(), 30).admin();
    Response key = admin.post("/api/v1/api-keys", Map.of("name", "ws-77", "host_id", "ws-77"));
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    agent = anonymous().bearer(key.text("key"));
  }

  @Test
  void batchAsPrintedIsStoredWithTheCreatedProcessAndItsOwnTimes() {
    String batch = SeedRequests.body("os-pulse/01-events-batch.json");

    Response r = agent.send("POST", "/api/events", batch, "application/json");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text("status")).isEqualTo("ok");
    assertThat(r.body().path("count").asInt()).isEqualTo(2);
    JsonNode events = admin.get("/api/v1/events?host_id=ws-77").body().path("events");
    assertThat(events.size()).as("host stamped from the bound key").isEqualTo(2);
    JsonNode calc = events.get(0);
    assertThat(calc.path("ts").asString()).isEqualTo("2026-11-22T10:15:31Z");
    assertThat(calc.at("/process/name").asString()).isEqualTo("calc.exe");
    assertThat(calc.at("/process/pid").asLong()).isEqualTo(5678);
    assertThat(calc.at("/process/parent/name").asString()).isEqualTo("explorer.exe");
    assertThat(calc.at("/process/parent/pid").asLong()).isEqualTo(1234);
    assertThat(calc.at("/metadata/correlation_id").asString()).isEqualTo("sess-8841");
    JsonNode file = events.get(1);
    assertThat(file.path("ts").asString()).isEqualTo("2026-11-22T10:15:30Z");
    assertThat(file.at("/process/name").asString()).isEqualTo("WINWORD.EXE");
    assertThat(file.at("/file/path").asString())
        .isEqualTo("C:\\Users\\bob\\Documents\\report.docx");
    assertThat(file.at("/file/size").asLong()).isEqualTo(24576);

    Response retry = agent.send("POST", "/api/events", batch, "application/json");
    assertThat(retry.body().path("stored").asInt()).as(retry.toString()).isZero();
    assertThat(retry.body().path("duplicates").asInt()).isEqualTo(2);
    assertThat(admin.get("/api/v1/events?host_id=ws-77").body().path("total").asInt()).isEqualTo(2);
  }

  @Test
  void searchFindsTheCreatedProcessNotItsParent() {
    agent.send(
        "POST",
        "/api/events",
        SeedRequests.body("os-pulse/01-events-batch.json"),
        "application/json");

    Response calc =
        admin.post("/api/v1/search/events", Map.of("query", "process.name == 'calc.exe'"));
    Response explorer =
        admin.post("/api/v1/search/events", Map.of("query", "process.name == 'explorer.exe'"));

    assertThat(calc.body().path("total").asInt()).isEqualTo(1);
    assertThat(explorer.body().path("total").asInt()).isZero();
  }
}
