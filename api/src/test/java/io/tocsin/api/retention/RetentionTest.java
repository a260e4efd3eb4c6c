package io.tocsin.api.retention;

import static io.tocsin.api.alert.TestDetections.detection;
import static io.tocsin.api.alert.TestDetections.event;
import static io.tocsin.api.alert.TestDetections.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.AlertService;
import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The retention purge deletes only what is older than each tenant's {@code retention_days}. */
class RetentionTest extends ApiTest {

  @Autowired AlertService alerts;
  @Autowired RetentionService retention;
  @Autowired MongoTemplate mongo;
  @Autowired EventStore events;
  @Autowired PendingEvaluations pending;

  /** An event whose own ts is {@code age} old and that was stored {@code storedAgo} ago. */
  private String eventDoc(String tenant, Duration age, Duration storedAgo, boolean evaluated) {
    Event e = event(tenant, unique("evt"), "h1", Instant.now().minus(age));
    if (!evaluated) {
      pending.open(tenant, List.of(e.id()), Instant.now());
    }
    events.insert(tenant, List.of(e), List.of("canonical"), Instant.now().minus(storedAgo));
    return e.id();
  }

  private String eventDoc(String tenant, Duration age, boolean evaluated) {
    return eventDoc(tenant, age, age, evaluated);
  }

  private boolean eventExists(String tenant, String id) {
    return events.findById(tenant, id).isPresent();
  }

  private String alert(String tenant, ApiClient admin, String policy) {
    alerts.record(
        tenant,
        List.of(
            detection(
                unique("det"),
                tenant,
                policy,
                Severity.HIGH,
                Action.ALERT,
                List.of(event(tenant, unique("evt"), "h1", Instant.now())),
                1)));
    return admin
        .get("/api/v1/alerts?policy_id=" + policy)
        .body()
        .path("alerts")
        .get(0)
        .path("id")
        .asString();
  }

  private void age(String alertId, Duration age) {
    Date then = Date.from(Instant.now().minus(age));
    mongo
        .getCollection("alerts")
        .updateOne(
            new Document("_id", alertId),
            new Document("$set", new Document("updatedAt", then).append("createdAt", then)));
  }

  @Test
  void purgeDeletesOldEventsAndOldClosedAlertsOnly() {
    TestTenants.Tenant t = TestTenants.tenant(admin(), 1);
    TestTenants.Tenant keeper = TestTenants.tenant(admin(), 30);
    ApiClient admin = t.admin();
    Map<String, Object> close = Map.of("status", "closed", "close_reason", "benign");

    String oldEvent = eventDoc(t.id(), Duration.ofDays(3), true);
    String oldUnevaluated = eventDoc(t.id(), Duration.ofDays(3), false);
    String freshEvent = eventDoc(t.id(), Duration.ofHours(1), true);
    String otherTenantsOldEvent = eventDoc(keeper.id(), Duration.ofDays(3), true);
    // Regression: an event back-filled a minute ago with an old ts was deleted at once.
    String backfilled = eventDoc(t.id(), Duration.ofDays(3), Duration.ofMinutes(1), true);

    String oldClosed = alert(t.id(), admin, "old-closed");
    assertThat(admin.put("/api/v1/alerts/" + oldClosed, close).status()).isEqualTo(200);
    age(oldClosed, Duration.ofDays(3));
    String oldOpen = alert(t.id(), admin, "old-open");
    age(oldOpen, Duration.ofDays(3));
    String freshClosed = alert(t.id(), admin, "fresh-closed");
    assertThat(admin.put("/api/v1/alerts/" + freshClosed, close).status()).isEqualTo(200);
    Date expires =
        mongo
            .getCollection("alerts")
            .find(new Document("_id", freshClosed))
            .first()
            .getDate("expiresAt");
    assertThat(expires.toInstant())
        .isBetween(
            Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofDays(1)));
    String otherOldClosed = alert(keeper.id(), keeper.admin(), "other-old-closed");
    assertThat(keeper.admin().put("/api/v1/alerts/" + otherOldClosed, close).status())
        .isEqualTo(200);
    age(otherOldClosed, Duration.ofDays(3));

    List<RetentionService.Purged> purged = retention.purge(Instant.now());
    RetentionService.Purged mine =
        purged.stream().filter(p -> p.tenantId().equals(t.id())).findFirst().orElseThrow();
    assertThat(mine.events()).isEqualTo(1);
    assertThat(mine.alerts()).isEqualTo(1);

    assertThat(eventExists(t.id(), oldEvent)).isFalse();
    assertThat(eventExists(t.id(), oldUnevaluated)).isTrue();
    assertThat(eventExists(t.id(), freshEvent)).isTrue();
    assertThat(eventExists(t.id(), backfilled)).as("age counts from ingest").isTrue();
    assertThat(eventExists(keeper.id(), otherTenantsOldEvent)).isTrue();
    assertThat(admin.get("/api/v1/alerts/" + oldClosed).status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/alerts/" + freshClosed).status()).isEqualTo(200);
    assertThat(keeper.admin().get("/api/v1/alerts/" + otherOldClosed).status()).isEqualTo(200);
    ApiClient.Response open = admin.get("/api/v1/alerts/" + oldOpen);
    assertThat(open.status()).isEqualTo(200);
    assertThat(open.body().path("triggering_events").size()).isEqualTo(1);
  }
}
