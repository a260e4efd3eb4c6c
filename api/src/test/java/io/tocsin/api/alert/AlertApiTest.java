package io.tocsin.api.alert;

import static io.tocsin.api.alert.AlertRecordTest.texts;
import static io.tocsin.api.alert.TestDetections.detection;
import static io.tocsin.api.alert.TestDetections.event;
import static io.tocsin.api.alert.TestDetections.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The alert endpoints over HTTP, each test in a fresh tenant with known alerts. */
class AlertApiTest extends ApiTest {

  private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

  @Autowired AlertService alerts;
  @Autowired RecordingAlertListener listener;

  private ApiClient admin;
  private String tenant;

  @BeforeEach
  void threeAlerts() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    admin = t.admin();
    tenant = t.id();
    alerts.record(
        tenant,
        List.of(
            detection(
                unique("det"),
                tenant,
                "p1",
                Severity.HIGH,
                Action.ALERT,
                List.of(event(tenant, "e1", "h1", T0)),
                1),
            detection(
                unique("det"),
                tenant,
                "p1",
                Severity.LOW,
                Action.ALERT,
                List.of(event(tenant, "e2", "h2", T0)),
                1),
            detection(
                unique("det"),
                tenant,
                "p2",
                Severity.CRITICAL,
                Action.ALERT,
                List.of(event(tenant, "e3", "h1", T0)),
                1)));
  }

  private long total(String query) {
    ApiClient.Response r = admin.get("/api/v1/alerts" + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body().path("total").asLong();
  }

  private String firstId(String query) {
    return admin.get("/api/v1/alerts" + query).body().path("alerts").get(0).path("id").asString();
  }

  @Test
  void listFiltersAndPages() {
    assertThat(total("")).isEqualTo(3);
    assertThat(total("?status=open")).isEqualTo(3);
    assertThat(total("?status=closed")).isZero();
    assertThat(total("?severity=high")).isEqualTo(1);
    assertThat(total("?policy_id=p1")).isEqualTo(2);
    assertThat(total("?host_id=h1")).isEqualTo(2);
    assertThat(total("?policy_id=p1&host_id=h1")).isEqualTo(1);
    Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
    assertThat(total("?start_time=" + hourAgo)).isEqualTo(3);
    assertThat(total("?end_time=" + hourAgo)).isZero();

    ApiClient.Response page1 = admin.get("/api/v1/alerts?limit=2");
    assertThat(page1.body().path("alerts").size()).isEqualTo(2);
    assertThat(page1.body().path("has_more").asBoolean()).isTrue();
    ApiClient.Response page2 = admin.get("/api/v1/alerts?limit=2&offset=2");
    assertThat(page2.body().path("alerts").size()).isEqualTo(1);
    assertThat(page2.body().path("has_more").asBoolean()).isFalse();
    assertThat(page2.body().path("total").asLong()).isEqualTo(3);

    for (String bad :
        List.of(
            "?limit=1001",
            "?limit=0",
            "?offset=-1",
            "?severity=huge",
            "?status=done",
            "?start_time=yesterday")) {
      ApiClient.Response r = admin.get("/api/v1/alerts" + bad);
      assertThat(r.status()).as(bad + " " + r).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    }
  }

  @Test
  void cursorPagesWalkEveryAlertOnceEvenWhenNewOnesArrive() {
    for (int i = 0; i < 4; i++) {
      assertThat(
              admin
                  .post("/api/v1/alerts", Map.of("title", "manual " + i, "severity", "low"))
                  .status())
          .isEqualTo(201);
    }
    List<String> everything = new ArrayList<>();
    admin
        .get("/api/v1/alerts?limit=100")
        .body()
        .path("alerts")
        .forEach(a -> everything.add(a.path("id").asString()));
    assertThat(everything).hasSize(7);

    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Response page =
          admin.get("/api/v1/alerts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.body().path("total").asLong()).isEqualTo(7 + Math.min(pages, 1));
      page.body().path("alerts").forEach(a -> walked.add(a.path("id").asString()));
      cursor = page.body().path("next_cursor").asString(null);
      assertThat(page.body().path("has_more").asBoolean()).isEqualTo(cursor != null);
      if (pages++ == 0) {
        // A new alert after the first page is newer than the cursor: it shifts nothing.
        admin.post("/api/v1/alerts", Map.of("title", "late", "severity", "low"));
      }
    } while (cursor != null);
    assertThat(walked).containsExactlyElementsOf(everything);
    assertThat(pages).isEqualTo(4);

    ApiClient.Response bad = admin.get("/api/v1/alerts?cursor=not-a-cursor");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
  }

  @Test
  void manualAlertInSeedShape() {
    ApiClient.Response created =
        admin.post(
            "/api/v1/alerts",
            Map.of(
                "title", "Custom Security Alert",
                "description", "Manually created alert for investigation",
                "severity", "medium",
                "events", List.of("e1"),
                "tags", List.of("manual", "investigation"),
                "host_id", "h9"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode a = created.body();
    assertThat(a.path("id").asString()).startsWith("alr_");
    assertThat(a.path("status").asString()).isEqualTo("open");
    assertThat(a.path("severity").asString()).isEqualTo("medium");
    assertThat(texts(a.path("tags"))).containsExactly("manual", "investigation");
    assertThat(texts(a.path("events"))).containsExactly("e1");
    assertThat(a.path("host_id").asString()).isEqualTo("h9");
    assertThat(a.path("history").get(0).path("username").asString()).isEqualTo("admin");
    assertThat(a.path("version").asLong()).isEqualTo(1);

    assertThat(admin.post("/api/v1/alerts", Map.of("severity", "low")).status()).isEqualTo(400);
    assertThat(admin.post("/api/v1/alerts", Map.of("title", "x", "severity", "urgent")).status())
        .isEqualTo(400);
  }

  @Test
  void updateIsAuditedAndClosingNeedsAReason() {
    TestUser analyst = userWithRole(admin, "analyst");
    String id = firstId("?severity=high");
    ApiClient.Response ack =
        analyst
            .client()
            .put(
                "/api/v1/alerts/" + id,
                Map.of(
                    "status", "acknowledged",
                    "assignee", analyst.username(),
                    "notes", "Investigating suspicious activity"));
    assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
    assertThat(ack.body().path("status").asString()).isEqualTo("acknowledged");
    assertThat(ack.body().path("assignee_id").asString()).isEqualTo(analyst.id());
    assertThat(ack.body().path("assignee").asString())
        .isEqualTo(analyst.username() + "@example.com");
    assertThat(ack.body().path("notes").get(0).path("text").asString())
        .isEqualTo("Investigating suspicious activity");
    assertThat(ack.body().path("version").asLong()).isEqualTo(2);
    assertThat(total("?assignee=" + analyst.username())).isEqualTo(1);
    assertThat(total("?assignee=" + analyst.id())).isEqualTo(1);

    ApiClient.Response noReason =
        analyst.client().put("/api/v1/alerts/" + id, Map.of("status", "closed"));
    assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
    assertThat(noReason.body().path("error").path("details").path("field").asString())
        .isEqualTo("close_reason");
    assertThat(
            analyst
                .client()
                .put("/api/v1/alerts/" + id, Map.of("status", "closed", "close_reason", "meh"))
                .status())
        .isEqualTo(400);
    ApiClient.Response stranger =
        analyst.client().put("/api/v1/alerts/" + id, Map.of("assignee", "nobody-here"));
    assertThat(stranger.status()).as(stranger.toString()).isEqualTo(400);
    TestUser otherTenantUser = userWithRole(admin(), "analyst");
    assertThat(
            analyst
                .client()
                .put("/api/v1/alerts/" + id, Map.of("assignee", otherTenantUser.username()))
                .status())
        .isEqualTo(400);
    assertThat(analyst.client().put("/api/v1/alerts/" + id, Map.of()).status()).isEqualTo(400);

    ApiClient.Response closed =
        analyst
            .client()
            .put(
                "/api/v1/alerts/" + id,
                Map.of("status", "closed", "close_reason", "false_positive"));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.body().path("close_reason").asString()).isEqualTo("false_positive");
    assertThat(closed.body().path("closed_at").isMissingNode()).isFalse();

    JsonNode detail = admin.get("/api/v1/alerts/" + id).body();
    assertThat(texts(detail.path("history"), "action"))
        .containsExactly("created", "status", "assignee", "note", "status", "close_reason");
    JsonNode closing = detail.path("history").get(4);
    assertThat(closing.path("from").asString()).isEqualTo("acknowledged");
    assertThat(closing.path("to").asString()).isEqualTo("closed");
    assertThat(closing.path("user_id").asString()).isEqualTo(analyst.id());
    assertThat(closing.path("username").asString()).isEqualTo(analyst.username());
    assertThat(closing.path("at").asString()).isNotBlank();
    assertThat(detail.path("triggering_events").get(0).path("id").asString()).isEqualTo("e1");
    assertThat(detail.path("triggering_events").get(0).path("ts").asString())
        .isEqualTo("2026-01-10T10:00:00Z");
    assertThat(listener.of(id))
        .extracting(AlertChange::type)
        .containsExactly(AlertChange.CREATED, AlertChange.UPDATED, AlertChange.CLOSED);
    assertThat(listener.of(id)).extracting(AlertChange::version).containsExactly(1L, 2L, 3L);
    assertThat(total("?status=closed")).isEqualTo(1);

    ApiClient.Response reopened =
        analyst.client().put("/api/v1/alerts/" + id, Map.of("status", "open", "assignee", ""));
    assertThat(reopened.body().path("status").asString()).isEqualTo("open");
    assertThat(
            reopened.body().path("close_reason").isMissingNode()
                || reopened.body().path("close_reason").isNull())
        .isTrue();
    assertThat(
            reopened.body().path("assignee_id").isMissingNode()
                || reopened.body().path("assignee_id").isNull())
        .isTrue();
  }

  @Test
  void viewersReadAnalystsWriteAgentsNeither() {
    TestUser viewer = userWithRole(admin, "viewer");
    String id = firstId("");
    assertThat(viewer.client().get("/api/v1/alerts").status()).isEqualTo(200);
    assertThat(viewer.client().get("/api/v1/alerts/" + id).status()).isEqualTo(200);
    Map<String, Object> ack = Map.of("status", "acknowledged");
    assertThat(viewer.client().put("/api/v1/alerts/" + id, ack).status()).isEqualTo(403);
    assertThat(viewer.client().post("/api/v1/alerts", Map.of("title", "x")).status())
        .isEqualTo(403);
    assertThat(
            viewer
                .client()
                .post("/api/v1/alerts/" + id + "/actions", Map.of("action", "isolate_host"))
                .status())
        .isEqualTo(403);
    ApiClient agent = TestTenants.agent(admin, anonymous());
    assertThat(agent.get("/api/v1/alerts").status()).isEqualTo(403);
    assertThat(agent.put("/api/v1/alerts/" + id, ack).status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/alerts").status()).isEqualTo(401);
  }

  @Test
  void anotherTenantsAlertIsNotFound() {
    String id = firstId("");
    TestUser outsider = userWithRole(admin(), "analyst");
    ApiClient other = outsider.client();
    Map<String, Object> ack = new HashMap<>(Map.of("status", "acknowledged"));
    assertThat(other.get("/api/v1/alerts/" + id).status()).isEqualTo(404);
    assertThat(other.put("/api/v1/alerts/" + id, ack).status()).isEqualTo(404);
    assertThat(
            other
                .post("/api/v1/alerts/" + id + "/actions", Map.of("action", "isolate_host"))
                .status())
        .isEqualTo(404);
    assertThat(other.get("/api/v1/alerts?policy_id=p2").body().path("total").asLong()).isZero();
    assertThat(admin().get("/api/v1/alerts/" + id).status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/alerts/" + id).status()).isEqualTo(200);
  }
}
