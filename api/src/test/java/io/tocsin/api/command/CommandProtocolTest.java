package io.tocsin.api.command;

import static io.tocsin.api.alert.TestDetections.detection;
import static io.tocsin.api.alert.TestDetections.event;
import static io.tocsin.api.alert.TestDetections.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.AlertChange;
import io.tocsin.api.alert.AlertService;
import io.tocsin.api.alert.RecordingAlertListener;
import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Alert action → command queue → agent poll with an API key → result → alert action state, in the
 * wire shape of {@code io.tocsin.agent.respond.CommandPoller}.
 */
class CommandProtocolTest extends ApiTest {

  @Autowired AlertService alerts;
  @Autowired RecordingAlertListener listener;
  @Autowired CommandService commandService;

  private ApiClient admin;
  private String tenantA;
  private ApiClient agent;
  private TestUser analyst;
  private String host;
  private String alertId;

  @BeforeEach
  void alertOnAHost() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 30);
    admin = t.admin();
    tenantA = t.id();
    agent = TestTenants.agent(admin, anonymous());
    analyst = userWithRole(admin, "analyst");
    host = unique("host");
    String policy = unique("pol");
    alerts.record(
        t.id(),
        List.of(
            detection(
                unique("det"),
                t.id(),
                policy,
                Severity.HIGH,
                Action.ALERT,
                List.of(event(t.id(), unique("evt"), host, Instant.parse("2026-01-10T10:00:00Z"))),
                1)));
    alertId =
        admin
            .get("/api/v1/alerts?policy_id=" + policy)
            .body()
            .path("alerts")
            .get(0)
            .path("id")
            .asString();
  }

  private JsonNode action(String type, Map<String, Object> parameters) {
    ApiClient.Response r =
        analyst
            .client()
            .post(
                "/api/v1/alerts/" + alertId + "/actions",
                Map.of("action", type, "parameters", parameters));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    return r.body();
  }

  private JsonNode alertAction(String id) {
    for (JsonNode a : admin.get("/api/v1/alerts/" + alertId).body().path("actions")) {
      if (a.path("id").asString().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no action " + id);
  }

  private String commands() {
    return "/api/v1/agents/" + host + "/commands";
  }

  /** Typed views (issue #21): the agent's poll keeps its keys; a user's list is a page. */
  @Test
  void agentPollCarriesOnlyWhatTheAgentReadsWhileAUserPagesTheCommands() {
    action("isolate_host", Map.of("reason", "wire"));
    action("release_host", Map.of());
    JsonNode poll = agent.get(commands()).body();
    assertThat(names(poll)).containsExactly("commands");
    assertThat(names(poll.path("commands").get(0)))
        .containsExactlyInAnyOrder("id", "type", "parameters", "status", "created_at");

    JsonNode page = analyst.client().get(commands() + "?limit=1&offset=1").body();
    assertThat(names(page))
        .containsExactlyInAnyOrder("commands", "host_id", "total", "limit", "offset", "has_more");
    assertThat(page.path("total").asLong()).isEqualTo(2);
    assertThat(page.path("has_more").asBoolean()).isFalse();
    assertThat(page.path("commands").size()).isEqualTo(1);
    assertThat(names(page.path("commands").get(0)))
        .contains("id", "type", "parameters", "status", "host_id", "automatic", "created_at")
        .contains("sent_at", "deliveries", "details");
    assertThat(analyst.client().get(commands() + "?offset=-1").status()).isEqualTo(400);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  @Test
  void actionIsQueuedFetchedOnceByTheAgentAndItsResultLandsOnTheAlert() {
    JsonNode queued = action("isolate_host", Map.of("reason", "Suspicious activity detected"));
    String id = queued.path("id").asString();
    assertThat(queued.path("state").asString()).isEqualTo("pending");
    assertThat(queued.path("requested_by").asString()).isEqualTo(analyst.id());
    assertThat(alertAction(id).path("state").asString()).isEqualTo("pending");

    ApiClient.Response poll = agent.get(commands());
    assertThat(poll.status()).as(poll.toString()).isEqualTo(200);
    JsonNode command = poll.body().path("commands").get(0);
    assertThat(poll.body().path("commands").size()).isEqualTo(1);
    assertThat(command.path("id").asString()).isEqualTo(id);
    assertThat(command.path("type").asString()).isEqualTo("isolate_host");
    assertThat(command.path("status").asString()).isEqualTo("pending");
    assertThat(command.path("parameters").path("reason").asString())
        .isEqualTo("Suspicious activity detected");
    assertThat(command.path("parameters").path("host_id").asString()).isEqualTo(host);
    assertThat(agent.get(commands()).body().path("commands").size()).isZero();
    assertThat(alertAction(id).path("state").asString()).isEqualTo("sent");
    assertThat(
            analyst
                .client()
                .get(commands())
                .body()
                .path("commands")
                .get(0)
                .path("status")
                .asString())
        .isEqualTo("sent");

    Map<String, Object> result =
        Map.of(
            "status", "dry_run",
            "message", "would apply nftables table inet tocsin_isolation",
            "details", Map.of("command", "nft -f -"));
    ApiClient.Response posted = agent.post(commands() + "/" + id + "/result", result);
    assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
    JsonNode done = alertAction(id);
    assertThat(done.path("state").asString()).isEqualTo("dry_run");
    assertThat(done.path("message").asString()).startsWith("would apply");
    assertThat(done.path("details").path("command").asString()).isEqualTo("nft -f -");
    List<AlertChange> changes = listener.of(alertId);
    assertThat(changes.get(changes.size() - 1).type()).isEqualTo(AlertChange.ACTION_COMPLETED);
    assertThat(changes).extracting(AlertChange::version).isSorted().doesNotHaveDuplicates();

    long version = admin.get("/api/v1/alerts/" + alertId).body().path("version").asLong();
    assertThat(agent.post(commands() + "/" + id + "/result", result).status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/alerts/" + alertId).body().path("version").asLong())
        .isEqualTo(version);
    JsonNode history = admin.get("/api/v1/alerts/" + alertId).body().path("history");
    assertThat(history.get(history.size() - 1).path("to").asString())
        .isEqualTo("isolate_host dry_run");
  }

  @Test
  void unansweredCommandsExpireAreNotHandedOutAndALateResultStillCounts() {
    String id = action("isolate_host", Map.of()).path("id").asString();

    assertThat(commandService.expireStale(Instant.now().plus(Duration.ofHours(25))))
        .isGreaterThanOrEqualTo(1);

    assertThat(agent.get(commands()).body().path("commands").size()).isZero();
    JsonNode expired = alertAction(id);
    assertThat(expired.path("state").asString()).isEqualTo("expired");
    assertThat(expired.path("message").asString()).startsWith("expired: no result within");
    JsonNode listed = analyst.client().get(commands() + "?status=expired").body().path("commands");
    assertThat(listed).extracting(c -> c.path("id").asString()).containsExactly(id);

    ApiClient.Response late =
        agent.post(
            commands() + "/" + id + "/result", Map.of("status", "succeeded", "message", "done"));
    assertThat(late.status()).as(late.toString()).isEqualTo(200);
    assertThat(alertAction(id).path("state").asString()).isEqualTo("succeeded");
  }

  @Test
  void freshCommandsDoNotExpire() {
    String id = action("block", Map.of("ip", "203.0.113.9")).path("id").asString();
    commandService.expireStale(Instant.now().plus(Duration.ofHours(23)));
    assertThat(agent.get(commands()).body().path("commands"))
        .extracting(c -> c.path("id").asString())
        .containsExactly(id);
  }

  @Test
  void killProcessTakesThePidFromTheTriggeringEvent() {
    JsonNode queued = action("kill_process", Map.of());
    assertThat(queued.path("parameters").path("pid").asLong()).isEqualTo(4242);
    JsonNode command = agent.get(commands()).body().path("commands").get(0);
    assertThat(command.path("parameters").path("pid").asLong()).isEqualTo(4242);
    assertThat(command.path("parameters").path("name").asString()).isEqualTo("evil");
    ApiClient.Response failed =
        agent.post(
            commands() + "/" + queued.path("id").asString() + "/result",
            Map.of("status", "failed", "message", "no such process 4242", "details", Map.of()));
    assertThat(failed.status()).isEqualTo(200);
    assertThat(alertAction(queued.path("id").asString()).path("state").asString())
        .isEqualTo("failed");
  }

  @Test
  void badRequestsAreRefused() {
    ApiClient.Response unknown =
        analyst.client().post("/api/v1/alerts/" + alertId + "/actions", Map.of("action", "nuke"));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    ApiClient.Response manual =
        analyst.client().post("/api/v1/alerts", Map.of("title", "no host", "severity", "low"));
    ApiClient.Response hostless =
        analyst
            .client()
            .post(
                "/api/v1/alerts/" + manual.text("id") + "/actions",
                Map.of("action", "isolate_host"));
    assertThat(hostless.status()).as(hostless.toString()).isEqualTo(400);
    ApiClient.Response noPath =
        analyst
            .client()
            .post(
                "/api/v1/alerts/" + alertId + "/actions",
                Map.of("action", "restore", "parameters", Map.of()));
    assertThat(noPath.status()).isEqualTo(400);

    ApiClient.Response huge =
        analyst
            .client()
            .post(
                "/api/v1/alerts/" + alertId + "/actions",
                Map.of("action", "block", "parameters", Map.of("ip", "x".repeat(9000))));
    assertThat(huge.status()).as(huge.toString()).isEqualTo(400);

    String id = action("release_host", Map.of()).path("id").asString();
    assertThat(agent.post(commands() + "/" + id + "/result", Map.of("status", "great")).status())
        .isEqualTo(400);
    assertThat(agent.post(commands() + "/cmd_nope/result", Map.of("status", "succeeded")).status())
        .isEqualTo(404);
    assertThat(
            agent
                .post(
                    "/api/v1/agents/other-host/commands/" + id + "/result",
                    Map.of("status", "succeeded"))
                .status())
        .isEqualTo(404);
    assertThat(
            analyst
                .client()
                .post(commands() + "/" + id + "/result", Map.of("status", "succeeded"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void anotherTenantsAgentSeesNothingAndCannotReport() {
    String id = action("isolate_host", Map.of()).path("id").asString();
    TestTenants.Tenant b = TestTenants.tenant(admin(), 30);
    ApiClient agentB = TestTenants.agent(b.admin(), anonymous());

    ApiClient.Response pollB = agentB.get(commands());
    assertThat(pollB.status()).isEqualTo(200);
    assertThat(pollB.body().path("commands").size()).isZero();
    assertThat(
            agentB.post(commands() + "/" + id + "/result", Map.of("status", "succeeded")).status())
        .isEqualTo(404);
    assertThat(b.admin().get(commands()).body().path("commands").size()).isZero();
    assertThat(agentB.with("X-Tenant-ID", tenantA).get(commands()).status()).isEqualTo(403);

    assertThat(agent.get(commands()).body().path("commands").get(0).path("id").asString())
        .isEqualTo(id);
  }

  @Test
  void agentKeysReachOnlyIngestAndCommands() {
    assertThat(agent.get("/api/v1/users").status()).isEqualTo(403);
    assertThat(agent.get("/api/v1/alerts/" + alertId).status()).isEqualTo(403);
    assertThat(
            agent
                .post("/api/v1/alerts/" + alertId + "/actions", Map.of("action", "block"))
                .status())
        .isEqualTo(403);
    assertThat(agent.get("/api/v1/analytics/dashboard").status()).isEqualTo(403);
    assertThat(anonymous().get(commands()).status()).isEqualTo(401);
  }
}
