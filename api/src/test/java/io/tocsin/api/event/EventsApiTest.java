package io.tocsin.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.pipeline.EvaluationSweeper;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** {@code POST/GET /api/v1/events}, {@code /security/events} over real HTTP. */
class EventsApiTest extends ApiTest {

  @Autowired MeterRegistry meters;
  @Autowired MongoTemplate mongo;
  @Autowired EvaluationSweeper sweeper;
  @Autowired PendingEvaluations pending;

  private String tenant;
  private ApiClient client;

  @BeforeEach
  void freshTenant() {
    tenant = "ev-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = admin().post("/api/v1/tenants", Map.of("name", tenant, "id", tenant));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    client = admin().with("X-Tenant-ID", tenant);
  }

  static Map<String, Object> canonical(String id, String ts, String host, String process) {
    return Map.of(
        "id",
        id,
        "ts",
        ts,
        "host_id",
        host,
        "event",
        Map.of("type", "process", "action", "start"),
        "user",
        Map.of("id", "u-" + host, "name", "alice"),
        "process",
        Map.of("name", process, "pid", 42, "command_line", process + " -x"));
  }

  @Test
  void ingestArrayThenOkWithIdsAndStored() {
    Response r =
        client.post(
            "/api/v1/events",
            List.of(
                canonical("a1", "2026-01-01T10:00:00Z", "h1", "cmd.exe"),
                canonical("a2", "2026-01-01T10:00:01Z", "h1", "bash")));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text("status")).isEqualTo("ok");
    assertThat(r.body().path("count").asInt()).isEqualTo(2);
    assertThat(texts(r.body().path("events_ingested"))).containsExactly("a1", "a2");
    assertThat(client.get("/api/v1/events").body().path("total").asInt()).isEqualTo(2);
  }

  @Test
  void ingestSingleObjectOfEachShapeThenNormalized() {
    Map<String, Object> insec =
        Map.of(
            "ts", "2026-01-01T10:00:00Z",
            "host_id", "h-insec",
            "user", Map.of("id", "u1", "name", "bob"),
            "os", Map.of("family", "linux"),
            "event", Map.of("type", "process", "id", "insec-1"),
            "proc", Map.of("name", "curl", "cmd", List.of("curl", "-s", "x"), "ppid", 1));
    Map<String, Object> pulse =
        Map.of(
            "type",
            "file_operation",
            "operation",
            "write",
            "data",
            Map.of("path", "/tmp/x.sh", "size", 12),
            "metadata",
            Map.of("sessionId", "s1", "processName", "vim", "processId", 7));
    Map<String, Object> security =
        Map.of(
            "source_ip", "10.1.2.3",
            "destination_ip", "8.8.8.8",
            "port", 53,
            "protocol", "udp",
            "event_type", "dns_query",
            "severity", "low",
            "payload", Map.of("q", "example.com"));

    String insecId = single(insec);
    String pulseId = single(pulse);
    String securityId = single(security);

    JsonNode a = detail(insecId);
    assertThat(a.path("process").path("name").asString()).isEqualTo("curl");
    assertThat(a.path("host").path("os").path("family").asString()).isEqualTo("linux");
    assertThat(a.path("metadata").path("source_shape").asString()).isEqualTo("insec");
    assertThat(detail(pulseId).path("file").path("path").asString()).isEqualTo("/tmp/x.sh");
    assertThat(detail(pulseId).path("metadata").path("source_shape").asString())
        .isEqualTo("os_pulse");
    JsonNode c = detail(securityId);
    assertThat(c.path("network").path("destination").path("port").asLong()).isEqualTo(53);
    assertThat(c.path("tenant_id").asString()).isEqualTo(tenant);
  }

  @Test
  void ingestWithBadItemsThenPartialWithReasonsByIndex() {
    List<Object> items = new ArrayList<>();
    items.add(canonical("p1", "2026-01-01T10:00:00Z", "h1", "a"));
    items.add(Map.of("id", "p2", "process", Map.of("pid", "not-a-number")));
    items.add("just a string");
    items.add(canonical("p4", "2026-01-01T10:00:01Z", "h1", "b"));

    Response r = client.post("/api/v1/events", items);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text("status")).isEqualTo("partial");
    assertThat(texts(r.body().path("events_ingested"))).containsExactly("p1", "p4");
    JsonNode rejected = r.body().path("rejected");
    assertThat(rejected.size()).isEqualTo(2);
    assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
    assertThat(rejected.get(0).path("reason").asString()).startsWith("process.pid:");
    assertThat(rejected.get(1).path("index").asInt()).isEqualTo(2);
    assertThat(client.get("/api/v1/events/p2").status()).isEqualTo(404);
  }

  @Test
  void ingestWhenEveryItemBadThen400WithRejected() {
    Response r =
        client.post("/api/v1/events", List.of(Map.of("ts", "yesterday-ish", "host_id", "h")));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(
            r.body()
                .path("error")
                .path("details")
                .path("rejected")
                .get(0)
                .path("reason")
                .asString())
        .startsWith("ts:");
  }

  @Test
  void ingestWhenBatchTooLargeThen400() {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      items.add(Map.of());
    }
    Response r = client.post("/api/v1/events", items);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("error").path("details").path("max_batch_size").asInt())
        .isEqualTo(10_000);
  }

  @Test
  void resendThenDuplicatesNotStoredNorEvaluatedAgain() {
    List<Map<String, Object>> batch =
        List.of(
            canonical("d1", "2026-01-01T10:00:00Z", "h1", "a"),
            canonical("d2", "2026-01-01T10:00:01Z", "h1", "b"));
    assertThat(client.post("/api/v1/events", batch).body().path("stored").asInt()).isEqualTo(2);
    double evaluated = evaluatedCount();

    Response again = client.post("/api/v1/events", batch);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("status")).isEqualTo("ok");
    assertThat(again.body().path("count").asInt()).isEqualTo(2);
    assertThat(again.body().path("stored").asInt()).isZero();
    assertThat(again.body().path("duplicates").asInt()).isEqualTo(2);
    assertThat(evaluatedCount()).isEqualTo(evaluated);
    assertThat(client.get("/api/v1/events").body().path("total").asInt()).isEqualTo(2);
  }

  @Test
  void sameIdInOneBatchThenStoredOnce() {
    Response r =
        client.post(
            "/api/v1/events",
            List.of(
                canonical("s1", "2026-01-01T10:00:00Z", "h1", "a"),
                canonical("s1", "2026-01-01T10:00:00Z", "h1", "a")));

    assertThat(r.body().path("stored").asInt()).isEqualTo(1);
    assertThat(r.body().path("duplicates").asInt()).isEqualTo(1);
  }

  @Test
  void gzipBodyThenIngested() throws Exception {
    String json =
        "[{\"id\":\"gz1\",\"ts\":\"2026-01-01T10:00:00Z\",\"process\":{\"name\":\"zip\"}}]";
    HttpResponse<String> r = postBytes(gzip(json), "gzip");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(detail("gz1").path("process").path("name").asString()).isEqualTo("zip");
  }

  @Test
  void corruptGzipThen400AndUnknownEncodingThen415() throws Exception {
    assertThat(postBytes("not gzip".getBytes(StandardCharsets.UTF_8), "gzip").statusCode())
        .isEqualTo(400);
    assertThat(postBytes("[]".getBytes(StandardCharsets.UTF_8), "br").statusCode()).isEqualTo(415);
  }

  @Test
  void agentKeyMayIngestButNotRead() {
    String key = client.post("/api/v1/api-keys", Map.of("name", "agent")).text("key");
    ApiClient agent = anonymous().with("X-API-Key", key);

    Response r =
        agent.post("/api/v1/events", canonical("k1", "2026-01-01T10:00:00Z", "h9", "agent"));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(detail("k1").path("tenant_id").asString()).isEqualTo(tenant);
    assertThat(agent.get("/api/v1/events").status()).isEqualTo(403);
    assertThat(agent.get("/api/v1/events/k1").status()).isEqualTo(403);
    assertThat(agent.post("/api/v1/search/events", Map.of("query", "host_id == 'h9'")).status())
        .isEqualTo(403);
  }

  @Test
  void viewerMayReadButNotIngest() {
    ApiClient viewer = userWithRole(client, "viewer").client();

    assertThat(viewer.get("/api/v1/events").status()).isEqualTo(200);
    assertThat(
            viewer
                .post("/api/v1/events", canonical("v1", "2026-01-01T10:00:00Z", "h", "x"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void securityEventEndpointThenIdRiskAndProcessed() {
    Response r =
        client.post(
            "/api/v1/security/events",
            Map.of(
                "source_ip", "10.0.0.5",
                "destination_ip", "1.2.3.4",
                "port", 4444,
                "protocol", "tcp",
                "event_type", "connection",
                "severity", "high",
                "payload", Map.of("note", "x")));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.text("event_id")).isNotBlank();
    assertThat(r.body().path("risk_score").asInt()).isBetween(0, 100);
    assertThat(r.body().path("processed").asBoolean()).isTrue();
    assertThat(detail(r.text("event_id")).path("network").path("protocol").asString())
        .isEqualTo("tcp");
  }

  @Test
  void sweeperReevaluatesEventsOfABatchLeftOpen() {
    client.post("/api/v1/events", canonical("sw1", "2026-01-01T10:00:00Z", "h1", "a"));
    assertThat(detail("sw1").path("metadata").path("evaluated").asBoolean()).isTrue();
    assertThat(openBatches()).isZero();
    // What a crash between store and record leaves: the batch, opened a minute ago, still open;
    // one of its ids was never stored.
    pending.open(tenant, List.of("sw1", "never-stored"), Instant.now().minusSeconds(60));
    assertThat(detail("sw1").path("metadata").path("evaluated").asBoolean()).isFalse();
    double evaluated = evaluatedCount();

    int swept = sweeper.sweepOnce();

    // Other tests' batches in the shared store may be swept too.
    assertThat(swept).isGreaterThanOrEqualTo(1);
    assertThat(evaluatedCount()).isGreaterThanOrEqualTo(evaluated + 1);
    assertThat(detail("sw1").path("metadata").path("evaluated").asBoolean()).isTrue();
    assertThat(openBatches()).isZero();
  }

  private String single(Map<String, Object> event) {
    Response r = client.post("/api/v1/events", event);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body().path("count").asInt()).isEqualTo(1);
    return r.body().path("events_ingested").get(0).asString();
  }

  private JsonNode detail(String id) {
    Response r = client.get("/api/v1/events/" + id);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body();
  }

  private long openBatches() {
    return mongo
        .getCollection("pending_evaluations")
        .countDocuments(new Document("tenant_id", tenant));
  }

  private double evaluatedCount() {
    return meters.counter("tocsin.pipeline.events.evaluated").count();
  }

  private HttpResponse<String> postBytes(byte[] body, String encoding)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
            .header("Authorization", "Bearer " + adminToken())
            .header("X-Tenant-ID", tenant)
            .header("Content-Type", "application/json")
            .header("Content-Encoding", encoding)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String adminToken() {
    return login("admin", ADMIN_PASSWORD);
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
