package io.tocsin.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read and write cases and tasks, and that tenants never see each other's. */
class CaseAccessTest extends ApiTest {

  private ApiClient adminA;
  private String caseA;
  private String taskA;
  private String alertA;

  @BeforeEach
  void caseInTenantA() {
    adminA = TestTenants.tenant(admin(), 30).admin();
    caseA = adminA.post("/api/v1/projects", Map.of("name", "A's case")).text("id");
    taskA =
        adminA.post("/api/v1/tasks", Map.of("title", "A's task", "project_id", caseA)).text("id");
    alertA = adminA.post("/api/v1/alerts", Map.of("title", "A's alert")).text("id");
  }

  @Test
  void viewerReadsAnalystWritesAgentNeither() {
    ApiClient viewer = userWithRole(adminA, "viewer").client();
    ApiClient analyst = userWithRole(adminA, "analyst").client();
    ApiClient engineer = userWithRole(adminA, "detection_engineer").client();
    ApiClient agent = TestTenants.agent(adminA, anonymous());

    assertThat(viewer.get("/api/v1/projects").status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/projects/" + caseA).status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/tasks?project_id=" + caseA).status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/tasks/" + taskA).status()).isEqualTo(200);
    for (Response refused :
        List.of(
            viewer.post("/api/v1/projects", Map.of("name", "x")),
            viewer.put("/api/v1/projects/" + caseA, Map.of("status", "active")),
            viewer.post(
                "/api/v1/projects/" + caseA + "/alerts", Map.of("alert_ids", List.of(alertA))),
            viewer.post("/api/v1/projects/" + caseA + "/comments", Map.of("text", "hi")),
            viewer.post("/api/v1/tasks", Map.of("title", "x", "project_id", caseA)),
            viewer.put("/api/v1/tasks/" + taskA, Map.of("status", "done")))) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      assertThat(refused.errorCode()).isEqualTo("AUTHORIZATION_ERROR");
    }
    assertThat(agent.get("/api/v1/projects").status()).isEqualTo(403);
    assertThat(agent.post("/api/v1/projects", Map.of("name", "x")).status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/projects").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/v1/tasks").status()).isEqualTo(401);

    assertThat(analyst.post("/api/v1/projects", Map.of("name", "x")).status()).isEqualTo(201);
    assertThat(engineer.put("/api/v1/tasks/" + taskA, Map.of("status", "done")).status())
        .isEqualTo(200);
    assertThat(adminA.get("/api/v1/projects").body().path("total").asInt())
        .as("the viewer's refused create stored nothing")
        .isEqualTo(2);
  }

  @Test
  void anotherTenantGets404AndCannotAttachOrAssignAcrossTenants() {
    ApiClient adminB = TestTenants.tenant(admin(), 30).admin();
    TestUser userA = userWithRole(adminA, "analyst");
    String caseB = adminB.post("/api/v1/projects", Map.of("name", "B's case")).text("id");

    for (Response hidden :
        List.of(
            adminB.get("/api/v1/projects/" + caseA),
            adminB.put("/api/v1/projects/" + caseA, Map.of("status", "active")),
            adminB.send(
                "PATCH",
                "/api/v1/projects/" + caseA,
                "{\"status\":\"active\"}",
                "application/json"),
            adminB.post(
                "/api/v1/projects/" + caseA + "/alerts", Map.of("alert_ids", List.of(alertA))),
            adminB.post("/api/v1/projects/" + caseA + "/comments", Map.of("text", "hi")),
            adminB.get("/api/v1/tasks/" + taskA),
            adminB.put("/api/v1/tasks/" + taskA, Map.of("status", "done")),
            adminB.get("/api/v1/tasks?project_id=" + caseA),
            adminB.post("/api/v1/tasks", Map.of("title", "x", "project_id", caseA)))) {
      assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
      assertThat(hidden.errorCode()).isEqualTo("NOT_FOUND");
    }
    Response foreignAlert =
        adminB.post("/api/v1/projects/" + caseB + "/alerts", Map.of("alert_ids", List.of(alertA)));
    assertThat(foreignAlert.status()).isEqualTo(400);
    assertThat(foreignAlert.body().at("/error/details/field").asString()).isEqualTo("alert_ids");
    Response foreignUser =
        adminB.put("/api/v1/projects/" + caseB, Map.of("assignee", userA.username()));
    assertThat(foreignUser.status()).isEqualTo(400);
    assertThat(foreignUser.body().at("/error/details/field").asString()).isEqualTo("assignee");

    assertThat(adminB.get("/api/v1/projects").body().path("total").asInt()).isEqualTo(1);
    assertThat(adminB.get("/api/v1/tasks").body().path("total").asInt()).isZero();
    assertThat(CaseApiTest.absent(adminA.get("/api/v1/alerts/" + alertA).body().path("case_id")))
        .isTrue();
    assertThat(adminA.get("/api/v1/projects/" + caseA).body().path("version").asInt())
        .as("created, then its task was recorded; nothing from tenant B")
        .isEqualTo(2);
  }
}
