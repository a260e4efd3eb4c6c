package io.tocsin.api.retention;

import io.tocsin.api.alert.Alert;
import io.tocsin.api.command.CommandService;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.api.tenant.RetentionPolicy;
import io.tocsin.api.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Deletes what a tenant no longer keeps, given its {@code retention_days}:
 *
 * <ul>
 *   <li>events stored ({@code ingested_at}, not their own {@code ts}) before the cutoff, once
 *       evaluated (a back-filled event is kept for the whole period after it arrived; one still
 *       awaiting evaluation gets its chance to raise an alert);
 *   <li>closed alerts whose last change ({@code updated_at}) is older; open and acknowledged alerts
 *       are never deleted by retention, an untriaged alert waits for a person, and its bounded
 *       event copy keeps its detail intact after its events are gone;
 *   <li>finished commands created before the cutoff.
 * </ul>
 */
@Service
public class RetentionService {

  /**
   * What one purge deleted in one tenant.
   *
   * @param tenantId tenant
   * @param cutoff data older than this was deleted
   * @param events events deleted
   * @param alerts alerts deleted
   * @param commands commands deleted
   */
  public record Purged(String tenantId, Instant cutoff, long events, long alerts, long commands) {}

  private final MongoTemplate mongo;
  private final EventStore events;
  private final PendingEvaluations pending;
  private final CommandService commands;

  RetentionService(
      MongoTemplate mongo, EventStore events, PendingEvaluations pending, CommandService commands) {
    this.mongo = mongo;
    this.events = events;
    this.pending = pending;
    this.commands = commands;
  }

  /** Purges every tenant as of {@code now}. */
  public List<Purged> purge(Instant now) {
    return mongo.findAll(Tenant.class).stream().map(t -> purge(t, now)).toList();
  }

  Purged purge(Tenant tenant, Instant now) {
    Instant cutoff = now.minus(Duration.ofDays(RetentionPolicy.days(tenant)));
    Date before = Date.from(cutoff);
    long deletedEvents =
        events.deleteOlderThan(tenant.id(), cutoff, pending.pendingIds(tenant.id()));
    Document oldAlerts =
        new Document("tenantId", tenant.id())
            .append("status", "closed")
            .append("updatedAt", new Document("$lt", before));
    long alerts = mongo.getCollection(Alert.COLLECTION).deleteMany(oldAlerts).getDeletedCount();
    long done = commands.deleteFinishedBefore(tenant.id(), cutoff);
    return new Purged(tenant.id(), cutoff, deletedEvents, alerts, done);
  }

  /** Summary for logs. */
  static Map<String, Long> totals(List<Purged> purged) {
    Map<String, Long> t = new LinkedHashMap<>();
    t.put("events", purged.stream().mapToLong(Purged::events).sum());
    t.put("alerts", purged.stream().mapToLong(Purged::alerts).sum());
    t.put("commands", purged.stream().mapToLong(Purged::commands).sum());
    return t;
  }
}
