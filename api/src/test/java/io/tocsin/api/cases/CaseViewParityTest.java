package io.tocsin.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link CaseChanged} listeners get cases and tasks as the maps of {@link CaseViews}, the API
 * answers the records of {@link CaseBodies}: both must write the same JSON.
 */
class CaseViewParityTest extends ApiTest {

  @Autowired CaseStore store;
  @Autowired ObjectMapper json;

  @Test
  void changeEventMapsAndApiRecordsWriteTheSameJson() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    ApiClient admin = t.admin();
    String analyst = userWithRole(admin, "analyst").username();
    String bare = admin.post("/api/v1/projects", Map.of("name", "bare")).text("id");
    String busy =
        admin
            .post(
                "/api/v1/projects",
                Map.of("name", "busy", "assignee", analyst, "end_date", "2030-01-01"))
            .text("id");
    admin.post("/api/v1/projects/" + busy + "/comments", Map.of("text", "hi"));
    String bareTask =
        admin.post("/api/v1/tasks", Map.of("title", "bare", "project_id", busy)).text("id");
    String busyTask =
        admin
            .post(
                "/api/v1/tasks",
                Map.of(
                    "title",
                    "busy",
                    "project_id",
                    busy,
                    "story_points",
                    2,
                    "assignee",
                    analyst,
                    "due_date",
                    "2030-01-01"))
            .text("id");

    for (String id : new String[] {bare, busy}) {
      Case c = store.find(t.id(), id).orElseThrow();
      assertThat(json.<JsonNode>valueToTree(CaseBodies.ProjectSummary.of(c)))
          .as(id)
          .isEqualTo(json.<JsonNode>valueToTree(CaseViews.summary(c)));
    }
    for (String id : new String[] {bareTask, busyTask}) {
      CaseTask task = store.findTask(t.id(), id).orElseThrow();
      assertThat(json.<JsonNode>valueToTree(CaseBodies.TaskView.of(task)))
          .as(id)
          .isEqualTo(json.<JsonNode>valueToTree(CaseViews.task(task)));
    }
  }
}
