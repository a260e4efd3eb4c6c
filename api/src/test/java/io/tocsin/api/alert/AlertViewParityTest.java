package io.tocsin.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Listeners (webhooks, streams) get an alert as the map of {@link AlertViews}, the API answers the
 * record of {@link AlertBodies}: both must write the same JSON, or a webhook would show another
 * alert than {@code GET /alerts/{id}}.
 */
class AlertViewParityTest extends ApiTest {

  @Autowired AlertStore store;
  @Autowired ObjectMapper json;

  @Test
  void changeEventMapAndApiRecordWriteTheSameJson() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    ApiClient admin = t.admin();
    String analyst = userWithRole(admin, "analyst").username();
    String bare = admin.post("/api/v1/alerts", Map.of("title", "bare")).text("id");
    String busy =
        admin
            .post(
                "/api/v1/alerts",
                Map.of("title", "busy", "severity", "high", "tags", List.of("a"), "host_id", "h1"))
            .text("id");
    admin.put(
        "/api/v1/alerts/" + busy,
        Map.of("assignee", analyst, "notes", "seen", "status", "closed", "close_reason", "done"));
    admin.post("/api/v1/alerts/" + busy + "/actions", Map.of("action", "isolate_host"));

    for (String id : List.of(bare, busy)) {
      Alert alert = store.find(t.id(), id).orElseThrow();
      assertThat(json.<JsonNode>valueToTree(AlertBodies.AlertView.of(alert)))
          .as(id)
          .isEqualTo(json.<JsonNode>valueToTree(AlertViews.view(alert)));
    }
  }
}
