package io.tocsin.api.tenant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * A tenant's {@code max_agents}: the hosts that have sent it events or inventory (or got a
 * host-bound key) are registered in {@code tenant_agents}; once the limit is reached a new host is
 * refused while registered hosts carry on. Tenants without a limit register nothing and cost
 * nothing. Limits are cached for {@link #LIMIT_CACHE}; registered hosts are remembered per server.
 * Several servers registering new hosts at the same moment may overshoot by a few.
 */
@Component
public class AgentQuota {

  static final String COLLECTION = "tenant_agents";
  static final Duration LIMIT_CACHE = Duration.ofSeconds(10);

  private final MongoTemplate mongo;
  private final MongoCollection<Document> agents;
  private final Clock clock;
  private final Map<String, Limit> limits = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

  private record Limit(Integer max, Instant readAt) {}

  AgentQuota(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.agents = mongo.getCollection(COLLECTION);
    this.clock = clock;
    agents.createIndex(Indexes.ascending("tenant_id"), new IndexOptions().name("tenant"));
  }

  /**
   * Registers these hosts where the limit allows.
   *
   * @return the hosts refused (new hosts beyond the limit); empty when all may send
   */
  public Set<String> admit(String tenantId, Collection<String> hostIds) {
    Integer max = limit(tenantId);
    Set<String> refused = new LinkedHashSet<>();
    if (max == null) {
      return refused;
    }
    Set<String> registered = known.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet());
    for (String host : new LinkedHashSet<>(hostIds)) {
      if (host == null || registered.contains(host)) {
        continue;
      }
      if (isRegistered(tenantId, host) || register(tenantId, host, max)) {
        registered.add(host);
      } else {
        refused.add(host);
      }
    }
    return refused;
  }

  /** Why {@code host} was refused, for error messages. */
  public String reason(String tenantId, String host) {
    return "host_id "
        + host
        + ": tenant "
        + tenantId
        + " allows at most "
        + limit(tenantId)
        + " agents (max_agents), all taken; new hosts are refused";
  }

  /** The tenant's limit, or null. */
  public Integer limit(String tenantId) {
    Instant now = clock.instant();
    Limit cached = limits.get(tenantId);
    if (cached == null || cached.readAt().plus(LIMIT_CACHE).isBefore(now)) {
      Tenant tenant = mongo.findById(tenantId, Tenant.class);
      cached = new Limit(tenant == null ? null : tenant.maxAgents(), now);
      limits.put(tenantId, cached);
    }
    return cached.max();
  }

  /** How many hosts the tenant has registered. */
  public long registered(String tenantId) {
    return agents.countDocuments(new Document("tenant_id", tenantId));
  }

  private boolean isRegistered(String tenantId, String host) {
    return agents.find(new Document("_id", key(tenantId, host))).first() != null;
  }

  private boolean register(String tenantId, String host, int max) {
    if (registered(tenantId) >= max) {
      return false;
    }
    try {
      agents.insertOne(
          new Document("_id", key(tenantId, host))
              .append("tenant_id", tenantId)
              .append("host_id", host)
              .append("registered_at", Date.from(clock.instant())));
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    return true;
  }

  private static String key(String tenantId, String host) {
    return tenantId + ":" + host;
  }
}
