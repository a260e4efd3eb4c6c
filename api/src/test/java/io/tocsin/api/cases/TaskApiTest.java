package io.tocsin.api.cases;

import static io.tocsin.api.cases.CaseApiTest.assertBad;
import static io.tocsin.api.cases.CaseApiTest.lastAudit;
import static io.tocsin.api.cases.CaseApiTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tasks of a case: seed shape, progress from done story points, audit on the case. */
class TaskApiTest extends ApiTest {

  @Autowired RecordingCaseListener events;

  private ApiClient admin;
  private TestUser analyst;
  private String caseId;

  @BeforeEach
  void tenantWithACase() {
    admin = TestTenants.tenant(admin(), 30).admin();
    analyst = userWithRole(admin, "analyst");
    Response created = analyst.client().post("/api/v1/projects", Map.of("name", "Ransomware"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    caseId = created.text("id");
  }

  private Response task(String title, Object points, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("project_id", caseId);
    if (points != null) {
      body.put("story_points", points);
    }
    body.putAll(extra);
    return analyst.client().post("/api/v1/tasks", body);
  }

  private int progress() {
    return admin.get("/api/v1/projects/" + caseId).body().path("progress").asInt();
  }

  @Test
  void progressIsTheShareOfDoneStoryPoints() {
    Response isolate =
        task(
            "Isolate ws-7",
            3,
            Map.of(
                "priority", "critical",
                "assignee", analyst.username(),
                "due_date", "2025-01-16T12:00:00Z",
                "description", "Pull the cable if the agent is down"));
    assertThat(isolate.status()).as(isolate.toString()).isEqualTo(201);
    assertThat(isolate.text("id")).startsWith("task_");
    assertThat(isolate.text("status")).isEqualTo("todo");
    assertThat(isolate.text("priority")).isEqualTo("critical");
    assertThat(isolate.body().path("story_points").asInt()).isEqualTo(3);
    assertThat(isolate.text("project_id")).isEqualTo(caseId);
    assertThat(isolate.text("assignee_id")).isEqualTo(analyst.id());
    assertThat(isolate.text("due_date")).isEqualTo("2025-01-16T12:00:00Z");
    String reimage = task("Reimage ws-7", 5, Map.of()).text("id");
    assertThat(progress()).isZero();

    Response done =
        analyst.client().put("/api/v1/tasks/" + isolate.text("id"), Map.of("status", "done"));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(progress()).as("3 of 8 points, rounded down").isEqualTo(37);
    analyst
        .client()
        .send("PATCH", "/api/v1/tasks/" + reimage, "{\"status\":\"review\"}", "application/json");
    assertThat(progress()).as("review is not done").isEqualTo(37);
    analyst.client().put("/api/v1/tasks/" + reimage, Map.of("status", "done"));
    assertThat(progress()).isEqualTo(100);
    task("Write the report", null, Map.of());
    assertThat(progress()).as("a task without points weighs 1").isEqualTo(88);

    JsonNode detail = admin.get("/api/v1/projects/" + caseId).body();
    JsonNode created = lastAudit(detail, "task_created");
    assertThat(created.path("to").asString()).isEqualTo("Write the report");
    JsonNode status = lastAudit(detail, "task.status");
    assertThat(status.path("target").asString()).isEqualTo(reimage);
    assertThat(status.path("from").asString()).isEqualTo("review");
    assertThat(status.path("to").asString()).isEqualTo("done");
    assertThat(status.path("username").asString()).isEqualTo(analyst.username());

    JsonNode listed = admin.get("/api/v1/tasks?project_id=" + caseId).body();
    assertThat(listed.path("total").asInt()).isEqualTo(3);
    assertThat(texts(listed.path("tasks"), "title"))
        .containsExactly("Isolate ws-7", "Reimage ws-7", "Write the report");
    assertThat(
            admin
                .get("/api/v1/tasks?project_id=" + caseId + "&status=done")
                .body()
                .path("total")
                .asInt())
        .isEqualTo(2);
    assertThat(admin.get("/api/v1/tasks/" + reimage).text("status")).isEqualTo("done");

    assertThat(events.of(reimage))
        .extracting(CaseChanged::type)
        .containsExactly("task.created", "task.updated", "task.updated");
    assertThat(events.of(caseId).get(events.of(caseId).size() - 1).data().get("progress"))
        .isEqualTo(88);
  }

  @Test
  void badTaskInputIs400AndUnknownProjectIs404() {
    assertBad(task("", 1, Map.of()), "title");
    assertBad(task("t", -1, Map.of()), "story_points");
    assertBad(task("t", 1, Map.of("status", "blocked")), "status");
    assertBad(task("t", 1, Map.of("priority", "p1")), "priority");
    assertBad(task("t", 1, Map.of("due_date", "soon")), "due_date");
    assertBad(task("t", 1, Map.of("assignee", "ghost")), "assignee");
    assertBad(analyst.client().post("/api/v1/tasks", Map.of("title", "orphan")), "project_id");
    Response notNumber = task("t", "many", Map.of());
    assertThat(notNumber.status()).as(notNumber.toString()).isEqualTo(400);
    Response unknown = task("t", 1, Map.of("project_id", "cas_nope"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    String id = task("t", 1, Map.of()).text("id");
    String other = analyst.client().post("/api/v1/projects", Map.of("name", "other")).text("id");
    assertBad(
        analyst.client().put("/api/v1/tasks/" + id, Map.of("project_id", other)), "project_id");
    assertThat(admin.get("/api/v1/tasks?project_id=cas_nope").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/tasks/task_nope").status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/tasks?project_id=" + caseId).body().path("total").asInt())
        .isEqualTo(1);
  }

  @Test
  void unassignAndClearDueDate() {
    String id = task("t", 2, Map.of("assignee", analyst.id(), "due_date", "2025-03-01")).text("id");
    Response cleared =
        analyst.client().put("/api/v1/tasks/" + id, Map.of("assignee", "", "due_date", ""));
    assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
    assertThat(CaseApiTest.absent(cleared.body().path("assignee_id"))).isTrue();
    assertThat(CaseApiTest.absent(cleared.body().path("due_date"))).isTrue();
    assertThat(cleared.body().path("version").asInt()).isEqualTo(2);
    assertThat(List.of("task.assignee", "task.due_date"))
        .allSatisfy(
            action ->
                assertThat(lastAudit(admin.get("/api/v1/projects/" + caseId).body(), action))
                    .isNotNull());
  }
}
