package io.tocsin.api.cyberpulse;

import io.tocsin.api.command.AgentPresence;
import io.tocsin.api.detection.ReloadOutcome;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.health.DatabaseStatus;
import io.tocsin.api.inventory.HostDirectory;
import io.tocsin.api.webhook.delivery.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
  Map<String, Object> of(String tenantId, Instant now, long onlineAgents, long knownHosts) {
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

    Map<String, Object> engineView = new LinkedHashMap<>();
    engineView.put("status", engine.status());
    engineView.put("generation", engine.generation());
    engineView.put("policies", engine.policies());
    engineView.put("errors", engine.errors());
    Map<String, Object> webhooks = new LinkedHashMap<>();
    webhooks.put("status", backlog > BACKLOG_LIMIT || dead > 0 ? "degraded" : "healthy");
    webhooks.put("outbox_backlog", backlog);
    webhooks.put("dead_deliveries", dead);
    Map<String, Object> agents = new LinkedHashMap<>();
    agents.put("status", onlineAgents < knownHosts ? "degraded" : "healthy");
    agents.put("online", onlineAgents);
    agents.put("known_hosts", knownHosts);
    agents.put("online_window_seconds", ONLINE_WINDOW.toSeconds());

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", !storeUp ? "unhealthy" : degraded ? "degraded" : "healthy");
    out.put("store", Map.of("status", storeUp ? "healthy" : "unhealthy"));
    out.put("engine", engineView);
    out.put("webhooks", webhooks);
    out.put("agents", agents);
    out.put("checked_at", now);
    return out;
  }

  long onlineAgents(String tenantId, Instant now) {
    return presence.onlineSince(tenantId, now.minus(ONLINE_WINDOW));
  }

  long knownHosts(String tenantId) {
    return hosts.count(tenantId);
  }
}
