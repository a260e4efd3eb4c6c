package io.tocsin.api.cyberpulse;

import static io.tocsin.api.cyberpulse.CyberPulseFixtures.securityEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /security/events}: the CyberPulse list shape, its filters and its 400s. */
class SecurityEventListTest extends ApiTest {

  @Autowired PendingEvaluations pending;

  private String tenant;
  private ApiClient admin;
  private ApiClient viewer;
  private final List<String> ids = new ArrayList<>();

  @BeforeEach
  void threeEvents() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    tenant = t.id();
    admin = t.admin();
    viewer = userWithRole(admin, "viewer").client();
    ApiClient agent = TestTenants.agent(admin, anonymous());
    ids.clear();
    ids.add(ingest(agent, "HIGH", "2026-03-01T10:00:00Z", "192.168.1.100"));
    ids.add(ingest(agent, "low", "2026-03-02T10:00:00Z", "192.168.1.101"));
    ids.add(ingest(agent, "critical", "2026-03-03T10:00:00Z", "192.168.1.102"));
  }

  private static String ingest(ApiClient agent, String severity, String ts, String ip) {
    Response r = agent.post("/api/v1/security/events", securityEvent(severity, ts, ip));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.text("event_id");
  }

  @Test
  void listIsAPlainJsonArrayNewestFirstInTheSecurityEventShape() {
    Response r = viewer.get("/api/v1/security/events");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body().isArray()).isTrue();
    assertThat(r.header("X-Total-Count")).isEqualTo("3");
    assertThat(texts(r.body(), "id")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    JsonNode oldest = r.body().get(2);
    assertThat(oldest.path("source_ip").asString()).isEqualTo("192.168.1.100");
    assertThat(oldest.path("destination_ip").asString()).isEqualTo("10.0.0.5");
    assertThat(oldest.path("port").asInt()).isEqualTo(22);
    assertThat(oldest.path("protocol").asString()).isEqualTo("SSH");
    assertThat(oldest.path("event_type").asString()).isEqualTo("failed_login");
    assertThat(oldest.path("severity").asString()).isEqualTo("high");
    assertThat(oldest.at("/payload/username").asString()).isEqualTo("root");
    assertThat(oldest.path("timestamp").asString()).startsWith("2026-03-01T10:00");
    assertThat(oldest.path("processed").asBoolean()).isTrue();
  }

  @Test
  void skipLimitSeverityAndDatesFilter() {
    assertThat(texts(viewer.get("/api/v1/security/events?skip=1&limit=1").body(), "id"))
        .containsExactly(ids.get(1));
    assertThat(texts(viewer.get("/api/v1/security/events?severity=HIGH,critical").body(), "id"))
        .containsExactly(ids.get(2), ids.get(0));
    assertThat(
            texts(
                viewer
                    .get("/api/v1/security/events?start_date=2026-03-02&end_date=2026-03-02")
                    .body(),
                "id"))
        .as("bare dates cover the whole day")
        .containsExactly(ids.get(1));
    assertThat(
            texts(
                viewer.get("/api/v1/security/events?start_date=2026-03-02T12:00:00.123456").body(),
                "id"))
        .as("Python isoformat() without offset is UTC")
        .containsExactly(ids.get(2));
  }

  @Test
  void processedSeparatesEvaluatedEventsFromThoseStillPending() {
    PendingEvaluations.Batch batch = pending.open(tenant, List.of(ids.get(1)), Instant.now());
    try {
      assertThat(texts(viewer.get("/api/v1/security/events?processed=false").body(), "id"))
          .containsExactly(ids.get(1));
      JsonNode done = viewer.get("/api/v1/security/events?processed=true").body();
      assertThat(texts(done, "id")).containsExactly(ids.get(2), ids.get(0));
      JsonNode all = viewer.get("/api/v1/security/events").body();
      assertThat(all.get(1).path("processed").asBoolean()).isFalse();
    } finally {
      pending.close(batch);
    }
    assertThat(viewer.get("/api/v1/security/events?processed=false").body().size()).isZero();
  }

  @Test
  void badParametersAre400NamingTheParameter() {
    assertBadRequest("/api/v1/security/events?start_date=yesterday", "start_date");
    assertBadRequest("/api/v1/security/events?end_date=2026-13-01", "end_date");
    assertBadRequest(
        "/api/v1/security/events?start_date=2026-03-03&end_date=2026-03-01", "start_date");
    assertBadRequest("/api/v1/security/events?limit=0", "limit");
    assertBadRequest("/api/v1/security/events?limit=abc", "limit");
    assertBadRequest("/api/v1/security/events?skip=-1", "skip");
    assertBadRequest("/api/v1/security/events?severity=urgent", "severity");
    assertBadRequest("/api/v1/security/events?processed=maybe", "processed");
  }

  @Test
  void otherTenantsSeeNoneAndAnonymousIs401() {
    ApiClient other = TestTenants.tenant(admin(), 30).admin();

    assertThat(other.get("/api/v1/security/events").body().size()).isZero();
    assertThat(anonymous().get("/api/v1/security/events").status()).isEqualTo(401);
  }

  private void assertBadRequest(String path, String field) {
    Response r = viewer.get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(r.body().at("/error/message").asString()).startsWith(field + ":");
    assertThat(r.body().at("/error/details/field").asString()).isEqualTo(field);
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asString()));
    return out;
  }
}
