package io.tocsin.api.command;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When each host's agent last polled for commands: the dashboard's {@code agents_online}. One
 * upsert per poll, keyed by tenant and host.
 */
@Component
public class AgentPresence {

  static final String COLLECTION = "agent_presence";

  private final MongoTemplate mongo;

  AgentPresence(MongoTemplate mongo) {
    this.mongo = mongo;
    mongo
        .indexOps(COLLECTION)
        .createIndex(
            new Index()
                .on("tenantId", org.springframework.data.domain.Sort.Direction.ASC)
                .on("lastPollAt", org.springframework.data.domain.Sort.Direction.DESC)
                .named("tenant_last_poll"));
  }

  void polled(String tenantId, String hostId, String keyName, Instant at) {
    mongo.upsert(
        Query.query(where("_id").is(tenantId + "|" + hostId)),
        new Update()
            .set("tenantId", tenantId)
            .set("hostId", hostId)
            .set("keyName", keyName)
            .set("lastPollAt", at),
        COLLECTION);
  }

  /** Hosts of the tenant whose agent polled at or after {@code since}. */
  public long onlineSince(String tenantId, Instant since) {
    return mongo.count(
        Query.query(where("tenantId").is(tenantId).and("lastPollAt").gte(since)), COLLECTION);
  }
}
