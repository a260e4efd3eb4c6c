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

/** The CyberPulse projects and tasks walk-through: a project, a task of it, the task done. */
class CyberPulseCaseSeedRequestsTest extends ApiTest {

  private static final String JSON = "application/json";

  private ApiClient admin;
  private TestUser analyst;

  @BeforeEach
  void tenant() {
    admin = TestTenants.tenant(admin(), 30).admin();
    analyst = userWithRole(admin, "analyst");
  }

  @Test
  void projectThenTaskThenTaskDoneMovesProgress() {
    Response project =
        analyst
            .client()
            .send(
                "POST",
                "/api/v1/projects",
                SeedRequests.body(
                    "cyberpulse/10-create-project.json", Map.of("owner", analyst.id())),
                JSON);

    assertThat(project.status()).as(project.toString()).isEqualTo(201);
    String projectId = project.text("id");
    assertThat(project.text("name")).isEqualTo("Security Audit Q1");
    assertThat(project.text("description")).startsWith("Quarterly security audit");
    assertThat(project.text("status")).isEqualTo("planning");
    assertThat(project.text("priority")).isEqualTo("high");
    assertThat(project.text("start_date")).isEqualTo("2024-01-15T00:00:00Z");
    assertThat(project.text("end_date")).isEqualTo("2024-03-31T00:00:00Z");
    assertThat(project.text("owner")).isEqualTo(analyst.username() + "@example.com");
    assertThat(project.body().path("team_members").size()).isEqualTo(3);
    assertThat(project.body().path("progress").asInt()).isZero();
    assertThat(project.text("created_at")).isNotBlank();
    assertThat(project.text("updated_at")).isEqualTo(project.text("created_at"));

    Response task =
        analyst
            .client()
            .send(
                "POST",
                "/api/v1/tasks",
                SeedRequests.body(
                    "cyberpulse/11-create-task.json",
                    Map.of("project_id", projectId, "assignee", analyst.id())),
                JSON);
    assertThat(task.status()).as(task.toString()).isEqualTo(201);
    assertThat(task.text("title")).isEqualTo("Review firewall rules");
    assertThat(task.text("project_id")).isEqualTo(projectId);
    assertThat(task.text("status")).isEqualTo("todo");
    assertThat(task.body().path("story_points").asInt()).isEqualTo(5);
    assertThat(task.text("assignee_id")).isEqualTo(analyst.id());
    assertThat(task.text("due_date")).isEqualTo("2024-02-01T00:00:00Z");

    JsonNode tasks = analyst.client().get("/api/v1/tasks?project_id=" + projectId).body();
    assertThat(tasks.path("total").asInt()).isEqualTo(1);

    Response done =
        analyst
            .client()
            .send(
                "PUT",
                "/api/v1/tasks/" + task.text("id"),
                SeedRequests.body("cyberpulse/12-update-task.json"),
                JSON);
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.text("status")).isEqualTo("done");
    JsonNode after = analyst.client().get("/api/v1/projects/" + projectId).body();
    assertThat(after.path("progress").asInt()).isEqualTo(100);
    assertThat(admin.get("/api/v1/projects?status=planning").body().path("total").asInt())
        .isEqualTo(1);
  }
}
