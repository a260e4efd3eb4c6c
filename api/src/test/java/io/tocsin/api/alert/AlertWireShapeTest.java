package io.tocsin.api.alert;

import static io.tocsin.api.alert.TestDetections.detection;
import static io.tocsin.api.alert.TestDetections.event;
import static io.tocsin.api.alert.TestDetections.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Pins the JSON shape (every key path with its JSON type, explicit nulls included) of the alert,
 * analytics, project and task endpoints, so typing their responses (issue #21) cannot drop, rename
 * or retype a field that clients and the seeds read. The expected shapes are in {@code
 * src/test/resources/wire/*.txt}; a failing run writes what it saw beside them under {@code
 * target/wire}.
 */
class AlertWireShapeTest extends ApiTest {

  private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

  @Autowired AlertService alerts;

  @Test
  void alertsAnalyticsProjectsAndTasksKeepTheirWireShape() throws IOException {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    ApiClient admin = t.admin();
    String analyst = userWithRole(admin, "analyst").username();
    alerts.record(
        t.id(),
        List.of(
            detection(
                unique("det"),
                t.id(),
                "p1",
                Severity.HIGH,
                Action.ALERT,
                List.of(event(t.id(), "e1", "h1", Instant.now())),
                1)));
    String detected =
        admin.get("/api/v1/alerts").body().path("alerts").get(0).path("id").asString();
    String manual =
        ok(admin.post("/api/v1/alerts", Map.of("title", "manual", "severity", "low")), 201)
            .path("id")
            .asString();
    List<String> shapes = new ArrayList<>();
    shapes.add(shape("alerts list", ok(admin.get("/api/v1/alerts?limit=1"), 200)));
    String cursor = admin.get("/api/v1/alerts?limit=1").body().path("next_cursor").asString();
    shapes.add(shape("alerts by cursor", ok(admin.get("/api/v1/alerts?cursor=" + cursor), 200)));
    shapes.add(
        shape("alerts by risk", ok(admin.get("/api/v1/alerts?sort=-risk_score&limit=1"), 200)));
    shapes.add(shape("alert counts", ok(admin.get("/api/v1/alerts/counts"), 200)));
    shapes.add(shape("alert detail", ok(admin.get("/api/v1/alerts/" + detected), 200)));
    shapes.add(shape("manual alert detail", ok(admin.get("/api/v1/alerts/" + manual), 200)));
    shapes.add(
        shape("alert created", ok(admin.post("/api/v1/alerts", Map.of("title", "bare")), 201)));
    shapes.add(
        shape(
            "alert updated",
            ok(
                admin.put(
                    "/api/v1/alerts/" + detected,
                    Map.of("assignee", analyst, "notes", "seen", "tags", List.of("x"))),
                200)));
    shapes.add(
        shape(
            "alert action",
            ok(
                admin.post(
                    "/api/v1/alerts/" + detected + "/actions", Map.of("action", "isolate_host")),
                202)));
    shapes.add(shape("alert with action", ok(admin.get("/api/v1/alerts/" + detected), 200)));
    shapes.add(
        shape(
            "alert closed",
            ok(
                admin.put(
                    "/api/v1/alerts/" + manual,
                    Map.of("status", "closed", "close_reason", "false_positive")),
                200)));
    shapes.add(shape("dashboard", ok(admin.get("/api/v1/analytics/dashboard"), 200)));
    shapes.add(shape("risk", ok(admin.get("/api/v1/analytics/risk"), 200)));

    JsonNode project =
        ok(
            admin.post(
                "/api/v1/projects",
                Map.of("name", "case", "alert_ids", List.of(detected), "assignee", analyst)),
            201);
    String projectId = project.path("id").asString();
    shapes.add(shape("project created", project));
    shapes.add(
        shape("bare project", ok(admin.post("/api/v1/projects", Map.of("name", "bare")), 201)));
    shapes.add(shape("projects list", ok(admin.get("/api/v1/projects"), 200)));
    shapes.add(
        shape(
            "project comment",
            ok(
                admin.post("/api/v1/projects/" + projectId + "/comments", Map.of("text", "hi")),
                201)));
    shapes.add(
        shape(
            "project alerts attached",
            ok(
                admin.post(
                    "/api/v1/projects/" + projectId + "/alerts",
                    Map.of("alert_ids", List.of(manual))),
                200)));
    shapes.add(
        shape(
            "project patched",
            ok(
                admin.send(
                    "PATCH",
                    "/api/v1/projects/" + projectId,
                    "{\"status\":\"active\",\"end_date\":\"2030-01-01\"}",
                    "application/json"),
                200)));
    shapes.add(
        shape(
            "project put",
            ok(admin.put("/api/v1/projects/" + projectId, Map.of("priority", "high")), 200)));
    shapes.add(shape("project detail", ok(admin.get("/api/v1/projects/" + projectId), 200)));
    JsonNode task =
        ok(
            admin.post(
                "/api/v1/tasks",
                Map.of(
                    "title",
                    "look",
                    "project_id",
                    projectId,
                    "story_points",
                    3,
                    "assignee",
                    analyst,
                    "due_date",
                    "2030-01-01")),
            201);
    String taskId = task.path("id").asString();
    shapes.add(shape("task created", task));
    shapes.add(
        shape(
            "bare task",
            ok(
                admin.post("/api/v1/tasks", Map.of("title", "bare", "project_id", projectId)),
                201)));
    shapes.add(shape("tasks list", ok(admin.get("/api/v1/tasks?project_id=" + projectId), 200)));
    shapes.add(shape("task detail", ok(admin.get("/api/v1/tasks/" + taskId), 200)));
    shapes.add(
        shape("task put", ok(admin.put("/api/v1/tasks/" + taskId, Map.of("status", "done")), 200)));
    shapes.add(
        shape(
            "task patched",
            ok(
                admin.send(
                    "PATCH",
                    "/api/v1/tasks/" + taskId,
                    "{\"priority\":\"low\"}",
                    "application/json"),
                200)));

    String actual = String.join("\n", shapes);
    String expected = expected("alert-analytics-cases.txt");
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "wire", "alert-analytics-cases.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual);
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static JsonNode ok(ApiClient.Response r, int status) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    return r.body();
  }

  private static String expected(String name) throws IOException {
    try (InputStream in = AlertWireShapeTest.class.getResourceAsStream("/wire/" + name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code name}, then one sorted line per key path: {@code path: type}. */
  static String shape(String name, JsonNode body) {
    TreeSet<String> lines = new TreeSet<>();
    walk("$", body, lines);
    return "## " + name + "\n" + String.join("\n", lines) + "\n";
  }

  private static void walk(String path, JsonNode node, TreeSet<String> lines) {
    lines.add(path + ": " + type(node));
    if (node.isObject()) {
      node.properties().forEach(e -> walk(path + "." + e.getKey(), e.getValue(), lines));
    } else if (node.isArray()) {
      node.forEach(item -> walk(path + "[]", item, lines));
    }
  }

  private static String type(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    if (node.isNumber()) {
      return "decimal";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
