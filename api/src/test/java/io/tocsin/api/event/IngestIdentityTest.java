package io.tocsin.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who an ingested event belongs to and when it is "the same event": host-bound keys stamp their
 * host, agent keys work as bearer tokens and on the OS-Pulse path, retries of id-less events are
 * not stored twice, and one host cannot pre-claim another host's event ids (issue 18: a compromised
 * host made another host's real event a duplicate, so its detection never fired).
 */
class IngestIdentityTest extends ApiTest {

  private ApiClient admin;
  private String web1Key;
  private ApiClient web1;
  private ApiClient db1;

  @BeforeEach
  void tenantWithTwoBoundHosts() {
    admin = TestTenants.tenant(admin(), 30).admin();
    web1Key = key("web-1");
    web1 = anonymous().with("X-API-Key", web1Key);
    db1 = anonymous().with("X-API-Key", key("db-1"));
  }

  private String key(String host) {
    Response created =
        admin.post("/api/v1/api-keys", Map.of("name", host + " agent", "host_id", host));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("key");
  }

  private static Map<String, Object> process(String id, String host, String name) {
    Map<String, Object> event = new java.util.LinkedHashMap<>();
    event.put("id", id);
    event.put("ts", Instant.now().toString());
    if (host != null) {
      event.put("host_id", host);
    }
    event.put("event", Map.of("type", "process", "action", "start"));
    event.put("process", Map.of("name", name, "pid", 7));
    return event;
  }

  /** Regression: a host-bound key's event without host_id was refused (400 "host_id null"). */
  @Test
  void hostBoundKeyStampsItsHostOnEventsWithoutOne() {
    Response r = web1.post("/api/v1/events", process("no-host-1", null, "sh"));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(admin.get("/api/v1/events/no-host-1").text("host_id")).isEqualTo("web-1");
    Response security =
        web1.post("/api/v1/security/events", Map.of("source_ip", "10.0.0.1", "event_type", "scan"));
    assertThat(security.status()).as(security.toString()).isEqualTo(200);
    assertThat(admin.get("/api/v1/events/" + security.text("event_id")).text("host_id"))
        .isEqualTo("web-1");
  }

  @Test
  void agentKeyWorksAsBearerTokenAndOnTheSeedPath() {
    ApiClient bearer = anonymous().bearer(web1Key);

    Response r = bearer.post("/api/events", process("bearer-1", "web-1", "sh"));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text("status")).isEqualTo("ok");
    assertThat(bearer.post("/api/v1/events", process("bearer-2", "web-1", "sh")).status())
        .isEqualTo(200);
    assertThat(admin.get("/api/v1/events/bearer-1").status()).isEqualTo(200);
    assertThat(bearer.get("/api/v1/events").status())
        .as("a bearer API key is still only an agent")
        .isEqualTo(403);
    Response wrong =
        anonymous().bearer("tsk_not-a-key").post("/api/events", process("x", "h", "sh"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
    assertThat(anonymous().post("/api/events", process("y", "h", "sh")).status()).isEqualTo(401);
  }

  @Test
  void retriedBatchWithoutIdsIsNotStoredTwice() {
    List<Object> batch = new ArrayList<>();
    Map<String, Object> failedLogin =
        Map.of("source_ip", "198.51.100.7", "event_type", "failed_login", "severity", "HIGH");
    batch.add(failedLogin);
    batch.add(failedLogin);
    batch.add(
        Map.of(
            "type", "process_creation",
            "data",
                Map.of(
                    "commandLine",
                    "calc.exe",
                    "processId",
                    5678,
                    "timestamp",
                    "2026-11-22T09:30:00Z"),
            "metadata", Map.of("processName", "explorer.exe", "processId", 1234)));

    Response first = web1.post("/api/v1/events", batch);
    Response retry = web1.post("/api/v1/events", batch);

    assertThat(first.body().path("stored").asInt()).as(first.toString()).isEqualTo(3);
    assertThat(retry.body().path("stored").asInt()).as(retry.toString()).isZero();
    assertThat(retry.body().path("duplicates").asInt()).isEqualTo(3);
    assertThat(texts(retry.body().path("events_ingested")))
        .containsExactlyElementsOf(texts(first.body().path("events_ingested")));
    assertThat(admin.get("/api/v1/events?host_id=web-1").body().path("total").asInt()).isEqualTo(3);
  }

  @Test
  void oneHostCannotClaimAnotherHostsEventId() throws InterruptedException {
    String marker = "claimed-" + UUID.randomUUID().toString().substring(0, 6) + ".exe";
    Response policy =
        admin.post(
            "/api/v1/policies",
            Map.of(
                "name",
                "claim test",
                "rules",
                List.of(
                    Map.of("condition", "process.name == '" + marker + "'", "severity", "high"))));
    assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
    awaitLive(marker);

    // The compromised web-1 pre-claims the id db-1's real event will carry.
    Response claim = web1.post("/api/v1/events", process("evt-42", "web-1", "harmless"));
    assertThat(claim.body().path("stored").asInt()).isEqualTo(1);

    Response real = db1.post("/api/v1/events", process("evt-42", "db-1", marker));

    assertThat(real.status()).as(real.toString()).isEqualTo(200);
    assertThat(real.body().path("stored").asInt()).isEqualTo(1);
    assertThat(real.body().path("duplicates").asInt()).isZero();
    assertThat(real.body().path("detections").asInt())
        .as("the real event is evaluated")
        .isEqualTo(1);
    String scoped = texts(real.body().path("events_ingested")).get(0);
    assertThat(scoped).startsWith("evt-42~").isNotEqualTo("evt-42");
    Response stored = admin.get("/api/v1/events/" + scoped);
    assertThat(stored.text("host_id")).isEqualTo("db-1");
    assertThat(stored.body().at("/process/name").asString()).isEqualTo(marker);
    assertThat(stored.body().at("/event/id").asString())
        .as("the sent id is kept")
        .isEqualTo("evt-42");

    // Re-send semantics hold for both hosts.
    Response resent = db1.post("/api/v1/events", process("evt-42", "db-1", marker));
    assertThat(resent.body().path("duplicates").asInt()).isEqualTo(1);
    assertThat(texts(resent.body().path("events_ingested"))).containsExactly(scoped);
    assertThat(
            web1.post("/api/v1/events", process("evt-42", "web-1", "harmless"))
                .body()
                .path("duplicates")
                .asInt())
        .isEqualTo(1);

    // Nor can web-1 pre-claim db-1's host-scoped id.
    Response forged = web1.post("/api/v1/events", process(scoped, "web-1", "harmless"));
    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.raw().body()).contains("reserved");
    assertThat(admin.get("/api/v1/alerts?host_id=db-1").body().path("total").asInt()).isEqualTo(1);
  }

  private void awaitLive(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    for (int i = 0; System.nanoTime() < deadline; i++) {
      Response r = admin.post("/api/v1/events", process("probe-" + i, "probe", marker));
      if (r.body().path("detections").asInt() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("policy not live within 30 s");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
