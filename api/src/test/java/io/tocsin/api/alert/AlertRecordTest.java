package io.tocsin.api.alert;

import static io.tocsin.api.alert.TestDetections.detection;
import static io.tocsin.api.alert.TestDetections.event;
import static io.tocsin.api.alert.TestDetections.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import io.tocsin.engine.Detection;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@link AlertService#record}: idempotency, updates, concurrency, listeners, automatic actions. */
class AlertRecordTest extends ApiTest {

  private static final String TENANT = "default";
  private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

  @Autowired AlertService alerts;
  @Autowired RecordingAlertListener listener;

  private JsonNode onlyAlertOf(String policyId) {
    ApiClient.Response list = admin().get("/api/v1/alerts?policy_id=" + policyId);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.body().path("total").asLong()).as(list.toString()).isEqualTo(1);
    String id = list.body().path("alerts").get(0).path("id").asString();
    ApiClient.Response detail = admin().get("/api/v1/alerts/" + id);
    assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
    return detail.body();
  }

  @Test
  void newDetectionRecordedTwiceAndConcurrentlyCreatesOneAlert() throws Exception {
    String policy = unique("pol");
    Event e1 = event(TENANT, unique("evt"), "host-a", T0);
    Detection d =
        detection(unique("det"), TENANT, policy, Severity.HIGH, Action.ALERT, List.of(e1), 1);

    alerts.record(TENANT, List.of(d));
    alerts.record(TENANT, List.of(d));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      futures.add(pool.submit(() -> alerts.record(TENANT, List.of(d))));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    JsonNode alert = onlyAlertOf(policy);
    assertThat(alert.path("title").asString()).isEqualTo("Policy " + policy + " on host-a");
    assertThat(alert.path("description").asString()).isEqualTo("condition matched");
    assertThat(alert.path("severity").asString()).isEqualTo("high");
    assertThat(alert.path("status").asString()).isEqualTo("open");
    assertThat(alert.path("policy_id").asString()).isEqualTo(policy);
    assertThat(alert.path("rule_id").asString()).isEqualTo("rule_001");
    assertThat(alert.path("host_id").asString()).isEqualTo("host-a");
    assertThat(alert.path("group_key").path("host_id").asString()).isEqualTo("host-a");
    assertThat(alert.path("risk_score").asInt()).isEqualTo(73);
    assertThat(alert.path("mitre").get(0).asString()).isEqualTo("attack.t1059");
    assertThat(alert.path("version").asLong()).isEqualTo(1);
    assertThat(alert.path("events").get(0).asString()).isEqualTo(e1.id());
    assertThat(alert.path("triggering_events").get(0).path("process").path("pid").asLong())
        .isEqualTo(4242);
    assertThat(alert.path("actions").size()).isZero();
    String id = alert.path("id").asString();
    assertThat(listener.of(id)).hasSize(1);
    assertThat(listener.of(id).get(0).type()).isEqualTo(AlertChange.CREATED);
    assertThat(listener.of(id).get(0).version()).isEqualTo(1);
    assertThat(listener.of(id).get(0).alert()).isEqualTo(alerts.view(TENANT, id).orElseThrow());
    assertThat(alerts.view("another-tenant", id)).isEmpty();
  }

  /** Regression: group keys are field paths; dotted map keys failed the alert write. */
  @Test
  void detectionGroupedByDottedFieldIsStoredAndReadBack() {
    String policy = unique("pol");
    Event e1 = event(TENANT, unique("evt"), "host-d", T0);
    Detection base =
        detection(unique("det"), TENANT, policy, Severity.HIGH, Action.ALERT, List.of(e1), 1);
    Detection d =
        new Detection(
            base.id(),
            base.kind(),
            base.tenantId(),
            base.policyId(),
            base.policyName(),
            base.ruleId(),
            base.severity(),
            base.action(),
            base.parameters(),
            java.util.Map.of("network.source.ip", "198.51.100.7"),
            base.events(),
            base.riskScore(),
            base.mitreTags(),
            base.count(),
            base.firstSeen(),
            base.lastSeen(),
            base.reason());

    alerts.record(TENANT, List.of(d));

    JsonNode alert = onlyAlertOf(policy);
    assertThat(alert.path("group_key").path("network.source.ip").asString())
        .isEqualTo("198.51.100.7");
  }

  @Test
  void updateRaisesCountAndLastSeenAndAppendsEventsOnce() {
    String policy = unique("pol");
    Event e1 = event(TENANT, unique("evt"), "host-b", T0);
    Event e2 = event(TENANT, unique("evt"), "host-b", T0.plusSeconds(30));
    Event e3 = event(TENANT, unique("evt"), "host-b", T0.plusSeconds(60));
    Detection d =
        detection(unique("det"), TENANT, policy, Severity.MEDIUM, Action.ALERT, List.of(e1), 1);
    alerts.record(TENANT, List.of(d));
    Detection update = d.asUpdate(3, e3.timestamp(), List.of(e1, e2, e3));
    alerts.record(TENANT, List.of(update));
    alerts.record(TENANT, List.of(update));
    alerts.record(TENANT, List.of(d));

    JsonNode alert = onlyAlertOf(policy);
    assertThat(alert.path("count").asLong()).isEqualTo(3);
    assertThat(alert.path("last_seen").asString()).isEqualTo("2026-01-10T10:01:00Z");
    assertThat(alert.path("first_seen").asString()).isEqualTo("2026-01-10T10:00:00Z");
    assertThat(texts(alert.path("events"))).containsExactly(e1.id(), e2.id(), e3.id());
    assertThat(alert.path("version").asLong()).isEqualTo(2);
    assertThat(texts(alert.path("history"), "action"))
        .containsExactly("created", "detection_update");
    String id = alert.path("id").asString();
    assertThat(listener.of(id))
        .extracting(AlertChange::type)
        .containsExactly(AlertChange.CREATED, AlertChange.UPDATED);
  }

  @Test
  void updateWithoutAlertCreatesIt() {
    String policy = unique("pol");
    Event e1 = event(TENANT, unique("evt"), "host-c", T0);
    Detection d =
        detection(unique("det"), TENANT, policy, Severity.LOW, Action.ALERT, List.of(e1), 1);
    alerts.record(TENANT, List.of(d.asUpdate(5, T0.plusSeconds(5), List.of(e1))));
    assertThat(onlyAlertOf(policy).path("count").asLong()).isEqualTo(5);
  }

  @Test
  void concurrentUpdatesKeepTheHighestCountAndIncreasingVersions() throws Exception {
    String policy = unique("pol");
    Event e1 = event(TENANT, unique("evt"), "host-d", T0);
    Detection d =
        detection(unique("det"), TENANT, policy, Severity.LOW, Action.ALERT, List.of(e1), 1);
    alerts.record(TENANT, List.of(d));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 2; i <= 17; i++) {
      Event e = event(TENANT, unique("evt"), "host-d", T0.plusSeconds(i));
      Detection u = d.asUpdate(i, e.timestamp(), List.of(e1, e));
      futures.add(pool.submit(() -> alerts.record(TENANT, List.of(u))));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    JsonNode alert = onlyAlertOf(policy);
    assertThat(alert.path("count").asLong()).isEqualTo(17);
    assertThat(alert.path("events").size()).isEqualTo(17);
    List<Long> versions =
        listener.of(alert.path("id").asString()).stream()
            .map(AlertChange::version)
            .sorted()
            .toList();
    assertThat(versions).doesNotHaveDuplicates();
    assertThat(versions.get(versions.size() - 1)).isEqualTo(alert.path("version").asLong());
    assertThat(versions).hasSize((int) alert.path("version").asLong());
  }

  @Test
  void automaticActionIsQueuedOnceAndRecordedOnTheAlert() {
    String policy = unique("pol");
    String host = unique("host");
    Event e1 = event(TENANT, unique("evt"), host, T0);
    Detection d =
        detection(
            unique("det"), TENANT, policy, Severity.CRITICAL, Action.KILL_PROCESS, List.of(e1), 1);
    alerts.record(TENANT, List.of(d));
    alerts.record(TENANT, List.of(d));

    JsonNode alert = onlyAlertOf(policy);
    JsonNode action = alert.path("actions").get(0);
    assertThat(alert.path("actions").size()).isEqualTo(1);
    assertThat(action.path("type").asString()).isEqualTo("kill_process");
    assertThat(action.path("state").asString()).isEqualTo("pending");
    assertThat(action.path("automatic").asBoolean()).isTrue();
    assertThat(action.path("parameters").path("pid").asLong()).isEqualTo(4242);
    assertThat(action.path("parameters").path("name").asString()).isEqualTo("evil");

    ApiClient.Response commands = admin().get("/api/v1/agents/" + host + "/commands");
    assertThat(commands.status()).as(commands.toString()).isEqualTo(200);
    assertThat(commands.body().path("commands").size()).isEqualTo(1);
    JsonNode command = commands.body().path("commands").get(0);
    assertThat(command.path("id").asString()).isEqualTo(action.path("id").asString());
    assertThat(command.path("type").asString()).isEqualTo("kill_process");
    assertThat(command.path("status").asString()).isEqualTo("pending");
    assertThat(command.path("parameters").path("pid").asLong()).isEqualTo(4242);
  }

  @Test
  void alertAndNotifyActionsQueueNothing() {
    String host = unique("host");
    for (Action action : List.of(Action.ALERT, Action.NOTIFY)) {
      String policy = unique("pol");
      Event e1 = event(TENANT, unique("evt"), host, T0);
      alerts.record(
          TENANT,
          List.of(detection(unique("det"), TENANT, policy, Severity.HIGH, action, List.of(e1), 1)));
      assertThat(onlyAlertOf(policy).path("actions").size()).isZero();
    }
    ApiClient.Response commands = admin().get("/api/v1/agents/" + host + "/commands");
    assertThat(commands.body().path("commands").size()).isZero();
  }

  @Test
  void quarantineTakesThePathFromTheEventAndIsolateNeedsOnlyTheHost() {
    String host = unique("host");
    String quarantine = unique("pol");
    String isolate = unique("pol");
    alerts.record(
        TENANT,
        List.of(
            detection(
                unique("det"),
                TENANT,
                quarantine,
                Severity.HIGH,
                Action.QUARANTINE,
                List.of(event(TENANT, unique("evt"), host, T0)),
                1),
            detection(
                unique("det"),
                TENANT,
                isolate,
                Severity.HIGH,
                Action.ISOLATE_HOST,
                List.of(event(TENANT, unique("evt"), host, T0)),
                1)));
    assertThat(
            onlyAlertOf(quarantine)
                .path("actions")
                .get(0)
                .path("parameters")
                .path("path")
                .asString())
        .isEqualTo("/tmp/evil.sh");
    JsonNode isolation = onlyAlertOf(isolate).path("actions").get(0);
    assertThat(isolation.path("type").asString()).isEqualTo("isolate_host");
    assertThat(isolation.path("parameters").path("host_id").asString()).isEqualTo(host);
    assertThat(admin().get("/api/v1/agents/" + host + "/commands").body().path("commands").size())
        .isEqualTo(2);
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
  }

  static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.path(field).asString())
        .toList();
  }
}
