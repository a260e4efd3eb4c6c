package io.tocsin.api.cyberpulse;

import io.tocsin.api.command.AgentPresence;
import io.tocsin.api.cyberpulse.DashboardMetrics.AgentHealth;
import io.tocsin.api.cyberpulse.DashboardMetrics.EngineHealth;
import io.tocsin.api.cyberpulse.DashboardMetrics.StoreHealth;
import io.tocsin.api.cyberpulse.DashboardMetrics.SystemHealthView;
import io.tocsin.api.cyberpulse.DashboardMetrics.WebhookHealth;
import io.tocsin.api.detection.ReloadOutcome;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.health.DatabaseStatus;
import io.tocsin.api.inventory.HostDirectory;
import io.tocsin.api.webhook.delivery.Delivery;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code system_health}: the store, the tenant's detection engine, its webhook outbox and its
 * agents. {@code status} is {@code unhealthy} when the store is down, {@code degraded} when the
 * engine rejected the last policy set, the outbox holds more than {@value #BACKLOG_LIMIT} pending
 * deliveries or has dead ones, or known hosts have no agent online; else {@code healthy}.
 */
@Component
class SystemHealth {

  static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);
  static final long BACKLOG_LIMIT = 1000;

  private final MongoTemplate mongo;
  private final DatabaseStatus database;
  private final TenantEngines engines;
  private final AgentPresence presence;
  private final HostDirectory hosts;

  SystemHealth(
      MongoTemplate mongo,
      DatabaseStatus database,
      TenantEngines engines,
      AgentPresence presence,
      HostDirectory hosts) {
    this.mongo = mongo;
    this.database = database;
    this.engines = engines;
    this.presence = presence;
    this.hosts = hosts;
  }

  /** The health view; {@code online}/{@code known} are also the score's agent inputs. */
  SystemHealthView of(String tenantId, Instant now, long onlineAgents, long knownHosts) {
    boolean storeUp = database.up();
    ReloadOutcome engine = engines.status(tenantId);
    Document tenant = new Document("tenantId", tenantId);
    long backlog =
        mongo
            .getCollection(Delivery.COLLECTION)
            .countDocuments(new Document(tenant).append("state", Delivery.PENDING));
    long dead =
        mongo
            .getCollection(Delivery.COLLECTION)
            .countDocuments(new Document(tenant).append("state", Delivery.DEAD));
    boolean degraded =
        engine.rejected() || backlog > BACKLOG_LIMIT || dead > 0 || onlineAgents < knownHosts;

    String webhookStatus = backlog > BACKLOG_LIMIT || dead > 0 ? "degraded" : "healthy";
    return new SystemHealthView(
        !storeUp ? "unhealthy" : degraded ? "degraded" : "healthy",
        new StoreHealth(storeUp ? "healthy" : "unhealthy"),
        new EngineHealth(engine.status(), engine.generation(), engine.policies(), engine.errors()),
        new WebhookHealth(webhookStatus, backlog, dead),
        new AgentHealth(
            onlineAgents < knownHosts ? "degraded" : "healthy",
            onlineAgents,
            knownHosts,
            ONLINE_WINDOW.toSeconds()),
        now);
  }

  long onlineAgents(String tenantId, Instant now) {
    return presence.onlineSince(tenantId, now.minus(ONLINE_WINDOW));
  }

  long knownHosts(String tenantId) {
    return hosts.count(tenantId);
  }
}
