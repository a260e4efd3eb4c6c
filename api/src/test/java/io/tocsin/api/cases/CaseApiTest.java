package io.tocsin.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Cases over HTTP: alerts merged into one case, audit trail, comments, severity, events. */
class CaseApiTest extends ApiTest {

  @Autowired RecordingCaseListener events;

  private ApiClient admin;
  private TestUser analyst;

  @BeforeEach
  void tenant() {
    admin = TestTenants.tenant(admin(), 30).admin();
    analyst = userWithRole(admin, "analyst");
  }

  private String alert(String title, String severity) {
    Response r = admin.post("/api/v1/alerts", Map.of("title", title, "severity", severity));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("id");
  }

  private Response createCase(Map<String, Object> body) {
    return analyst.client().post("/api/v1/projects", body);
  }

  @Test
  void alertsMergedIntoOneCaseCarryItsIdAndSetItsSeverity() {
    String low = alert("Port scan from 10.0.0.9", "low");
    String high = alert("Credential dumping on ws-7", "high");
    String medium = alert("New admin account on ws-7", "medium");
    Response created = createCase(Map.of("name", "Intrusion on ws-7", "alert_ids", List.of(low)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    assertThat(id).startsWith("cas_");
    assertThat(created.text("severity")).isEqualTo("low");

    Response merged =
        analyst
            .client()
            .post(
                "/api/v1/projects/" + id + "/alerts",
                Map.of("alert_ids", List.of(high, medium, low)));

    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    assertThat(texts(merged.body().path("alert_ids"))).containsExactly(low, high, medium);
    assertThat(merged.body().path("alert_count").asInt()).isEqualTo(3);
    assertThat(merged.text("severity")).as("highest of the alerts").isEqualTo("high");
    assertThat(texts(merged.body().path("alerts"), "title"))
        .containsExactly(
            "Port scan from 10.0.0.9", "Credential dumping on ws-7", "New admin account on ws-7");
    assertThat(texts(merged.body().path("alerts"), "severity"))
        .containsExactly("low", "high", "medium");
    for (String alertId : List.of(low, high, medium)) {
      JsonNode alert = admin.get("/api/v1/alerts/" + alertId).body();
      assertThat(alert.path("case_id").asString()).isEqualTo(id);
      JsonNode last = alert.path("history").get(alert.path("history").size() - 1);
      assertThat(last.path("action").asString()).isEqualTo("case");
      assertThat(last.path("to").asString()).isEqualTo(id);
      assertThat(last.path("username").asString()).isEqualTo(analyst.username());
    }
    JsonNode attachedEntry = lastAudit(merged.body(), "alerts_attached");
    assertThat(attachedEntry.path("to").asString()).isEqualTo(high + "," + medium);
    JsonNode severityEntry = lastAudit(merged.body(), "severity");
    assertThat(severityEntry.path("from").asString()).isEqualTo("low");
    assertThat(severityEntry.path("to").asString()).isEqualTo("high");

    Response raised = admin.put("/api/v1/alerts/" + medium, Map.of("severity", "critical"));
    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    JsonNode followed = admin.get("/api/v1/projects/" + id).body();
    assertThat(followed.path("severity").asString())
        .as("the case follows its alerts")
        .isEqualTo("critical");
    assertThat(lastAudit(followed, "severity").path("username").asString()).isEqualTo("system");
    assertThat(texts(followed.path("alerts"), "severity"))
        .containsExactly("low", "high", "critical");
  }

  @Test
  void alertOfAnotherCaseOrUnknownIsRefusedAndNothingChanges() {
    String first = alert("Beacon to rare domain", "medium");
    String second = alert("DNS tunnelling", "high");
    String caseA = createCase(Map.of("name", "A", "alert_ids", List.of(first))).text("id");
    String caseB = createCase(Map.of("name", "B")).text("id");

    Response taken =
        analyst
            .client()
            .post(
                "/api/v1/projects/" + caseB + "/alerts",
                Map.of("alert_ids", List.of(second, first)));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(400);
    assertThat(taken.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(taken.body().at("/error/details/field").asString()).isEqualTo("alert_ids");
    assertThat(taken.raw().body()).contains(first).contains(caseA);

    Response unknown =
        analyst
            .client()
            .post(
                "/api/v1/projects/" + caseB + "/alerts",
                Map.of("alert_ids", List.of(second, "alr_nope")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(texts(unknown.body().at("/error/details/alert_ids"))).containsExactly("alr_nope");

    assertThat(absent(admin.get("/api/v1/alerts/" + second).body().path("case_id"))).isTrue();
    JsonNode b = admin.get("/api/v1/projects/" + caseB).body();
    assertThat(b.path("alert_ids").size()).isZero();
    assertThat(absent(b.path("severity"))).isTrue();
    assertThat(
            analyst
                .client()
                .post("/api/v1/projects/" + caseB + "/alerts", Map.of("alert_ids", List.of()))
                .status())
        .isEqualTo(400);
  }

  @Test
  void everyChangeIsAuditedWithWhoAndWhatAndPublished() {
    TestUser responder = userWithRole(admin, "analyst");
    Response created =
        createCase(
            Map.of(
                "name", "Phishing wave",
                "priority", "HIGH",
                "start_date", "2025-01-15T09:00:00",
                "team_members", List.of("alice", "bob")));
    String id = created.text("id");
    assertThat(created.text("status")).isEqualTo("planning");
    assertThat(created.text("priority")).isEqualTo("high");
    assertThat(created.text("start_date")).isEqualTo("2025-01-15T09:00:00Z");

    Response updated =
        analyst
            .client()
            .put(
                "/api/v1/projects/" + id,
                Map.of(
                    "status",
                    "active",
                    "assignee",
                    responder.username(),
                    "end_date",
                    "2025-02-01"));
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.text("assignee_id")).isEqualTo(responder.id());
    assertThat(updated.text("assignee_name")).isEqualTo(responder.username());
    assertThat(updated.text("owner")).isEqualTo(responder.username() + "@example.com");
    assertThat(updated.text("end_date")).isEqualTo("2025-02-01T00:00:00Z");

    Response comment =
        analyst
            .client()
            .post(
                "/api/v1/projects/" + id + "/comments", Map.of("text", "Mail gateway rule added"));
    assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
    assertThat(comment.text("username")).isEqualTo(analyst.username());

    Response unchanged = analyst.client().put("/api/v1/projects/" + id, Map.of("status", "active"));
    assertThat(unchanged.body().path("version").asLong())
        .as("a PUT that changes nothing is not a change")
        .isEqualTo(updated.body().path("version").asLong() + 1);

    JsonNode detail = admin.get("/api/v1/projects/" + id).body();
    assertThat(detail.at("/comments/0/text").asString()).isEqualTo("Mail gateway rule added");
    List<String> actions = new ArrayList<>();
    detail.path("audit").forEach(e -> actions.add(e.path("action").asString()));
    assertThat(actions).containsExactly("created", "status", "end_date", "assignee", "comment");
    JsonNode status = lastAudit(detail, "status");
    assertThat(status.path("from").asString()).isEqualTo("planning");
    assertThat(status.path("to").asString()).isEqualTo("active");
    assertThat(status.path("user_id").asString()).isEqualTo(analyst.id());
    assertThat(status.path("at").asString()).isEqualTo(updated.text("updated_at"));
    assertThat(lastAudit(detail, "assignee").path("to").asString()).isEqualTo(responder.username());

    List<CaseChanged> published = events.of(id);
    assertThat(published)
        .extracting(CaseChanged::type)
        .containsExactly("case.created", "case.updated", "case.updated");
    CaseChanged update = published.get(1);
    assertThat(update.version()).isEqualTo(2);
    assertThat(update.data().get("status")).isEqualTo("active");
    assertThat(update.data()).doesNotContainKey("audit");
    assertThat(update.data().get("changes").toString()).contains("status").contains("assignee");

    Response patched =
        analyst
            .client()
            .send("PATCH", "/api/v1/projects/" + id, "{\"assignee\": \"\"}", "application/json");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(absent(patched.body().path("assignee_id"))).as("empty string unassigns").isTrue();
  }

  @Test
  void listFiltersByStatusAndAssigneeAndPages() {
    String a = createCase(Map.of("name", "one", "status", "active")).text("id");
    createCase(Map.of("name", "two"));
    String c =
        createCase(Map.of("name", "three", "status", "active", "owner", analyst.username()))
            .text("id");

    JsonNode active = analyst.client().get("/api/v1/projects?status=active").body();
    assertThat(active.path("total").asInt()).isEqualTo(2);
    assertThat(texts(active.path("projects"), "id")).containsExactly(c, a);
    assertThat(active.at("/projects/0").has("audit")).as("lists leave the audit out").isFalse();
    JsonNode mine =
        analyst
            .client()
            .get("/api/v1/projects?assignee=" + analyst.username() + "@example.com")
            .body();
    assertThat(texts(mine.path("projects"), "id")).containsExactly(c);
    JsonNode page = analyst.client().get("/api/v1/projects?limit=1&skip=1").body();
    assertThat(page.path("total").asInt()).isEqualTo(3);
    assertThat(page.path("offset").asInt()).isEqualTo(1);
    assertThat(page.path("has_more").asBoolean()).isTrue();
    assertThat(page.path("projects").size()).isEqualTo(1);
  }

  @Test
  void badInputIs400NamingTheField() {
    String id = createCase(Map.of("name", "x")).text("id");
    assertBad(createCase(Map.of("description", "no name")), "name");
    assertBad(createCase(Map.of("name", "x", "status", "open")), "status");
    assertBad(createCase(Map.of("name", "x", "priority", "urgent")), "priority");
    assertBad(createCase(Map.of("name", "x", "start_date", "yesterday")), "start_date");
    assertBad(
        createCase(Map.of("name", "x", "start_date", "2025-02-01", "end_date", "2025-01-01")),
        "end_date");
    assertBad(createCase(Map.of("name", "x", "assignee", "nobody@nowhere")), "assignee");
    assertBad(createCase(Map.of("name", "x", "owner", "nobody")), "owner");
    assertBad(createCase(Map.of("name", "x", "team_members", List.of(""))), "team_members");
    assertBad(createCase(Map.of("name", "x", "alert_ids", List.of("alr_missing"))), "alert_ids");
    assertBad(
        analyst
            .client()
            .put(
                "/api/v1/projects/" + id,
                Map.of("end_date", "2000-01-01", "start_date", "2001-01-01")),
        "end_date");
    assertBad(
        analyst.client().put("/api/v1/projects/" + id, Map.of("alert_ids", List.of("a"))),
        "alert_ids");
    assertBad(analyst.client().post("/api/v1/projects/" + id + "/comments", Map.of()), "text");
    Response malformed =
        analyst.client().send("POST", "/api/v1/projects", "{\"name\": ", "application/json");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(analyst.client().get("/api/v1/projects?limit=0").status()).isEqualTo(400);
    assertThat(analyst.client().get("/api/v1/projects?status=bogus").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/projects/" + id).body().path("version").asLong())
        .as("refused updates changed nothing")
        .isEqualTo(1);
  }

  static void assertBad(Response r, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(r.body().at("/error/details/field").asString()).as(r.toString()).isEqualTo(field);
    assertThat(r.body().path("request_id").asString()).startsWith("req_");
  }

  /** Null values are left out of responses. */
  static boolean absent(JsonNode node) {
    return node.isNull() || node.isMissingNode();
  }

  static JsonNode lastAudit(JsonNode caseView, String action) {
    JsonNode found = null;
    for (JsonNode e : caseView.path("audit")) {
      if (e.path("action").asString().equals(action)) {
        found = e;
      }
    }
    assertThat(found).as("an audit entry " + action + " in " + caseView).isNotNull();
    return found;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asString()));
    return out;
  }
}
