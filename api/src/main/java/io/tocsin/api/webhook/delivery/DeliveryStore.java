package io.tocsin.api.webhook.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Outbox persistence. Claims and completions are single-document atomic updates. */
@Repository
public class DeliveryStore {

  private final MongoTemplate mongo;

  DeliveryStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Stores a new delivery; false when one with this id exists already (idempotent enqueue). */
  boolean insertIfAbsent(Delivery delivery) {
    try {
      mongo.insert(delivery);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Atomically takes the most overdue pending delivery for {@code lease}; empty if none is due. */
  Optional<Delivery> claimNext(Instant now, Duration lease) {
    Query due =
        Query.query(where("state").is(Delivery.PENDING).and("dueAt").lte(now))
            .with(Sort.by("dueAt"));
    Update take =
        new Update().set("dueAt", now.plus(lease)).set("claim", UUID.randomUUID().toString());
    return Optional.ofNullable(
        mongo.findAndModify(
            due, take, FindAndModifyOptions.options().returnNew(true), Delivery.class));
  }

  /** Records an attempt if {@code claimed} still holds its claim; false if its lease was lost. */
  boolean complete(Delivery claimed, Delivery updated, DeliveryAttempt attempt) {
    Query mine = Query.query(where("_id").is(claimed.id()).and("claim").is(claimed.claim()));
    Update update =
        new Update()
            .set("state", updated.state())
            .set("attempts", updated.attempts())
            .set("roundAttempts", updated.roundAttempts())
            .set("dueAt", updated.dueAt())
            .set("body", updated.body())
            .set("updatedAt", updated.updatedAt())
            .set("lastStatusCode", updated.lastStatusCode())
            .set("lastError", updated.lastError())
            .unset("claim")
            .push("log", attempt);
    return mongo.updateFirst(mine, update, Delivery.class).getModifiedCount() == 1;
  }

  Optional<Delivery> find(String tenantId, String webhookId, String id) {
    return Optional.ofNullable(
        mongo.findOne(
            Query.query(
                where("_id").is(id).and("tenantId").is(tenantId).and("webhookId").is(webhookId)),
            Delivery.class));
  }

  /** Puts a dead delivery back in line with a fresh budget, re-rendered from the alert. */
  boolean redrive(String tenantId, String webhookId, String id, Instant now) {
    Query dead =
        Query.query(
            where("_id")
                .is(id)
                .and("tenantId")
                .is(tenantId)
                .and("webhookId")
                .is(webhookId)
                .and("state")
                .is(Delivery.DEAD));
    Update again =
        new Update()
            .set("state", Delivery.PENDING)
            .set("roundAttempts", 0)
            .set("dueAt", now)
            .set("updatedAt", now)
            .unset("body")
            .unset("claim");
    return mongo.updateFirst(dead, again, Delivery.class).getModifiedCount() == 1;
  }

  List<Delivery> page(Criteria filter, int limit, long offset) {
    Query query =
        Query.query(filter)
            .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
            .skip(offset)
            .limit(limit);
    return mongo.find(query, Delivery.class);
  }

  long count(Criteria filter) {
    return mongo.count(Query.query(filter), Delivery.class);
  }

  long countPending() {
    return mongo.count(Query.query(where("state").is(Delivery.PENDING)), Delivery.class);
  }

  /** "webhookId|alertId|version" of every delivery of these alerts. */
  Set<String> covered(Collection<String> alertIds) {
    Query query = Query.query(where("alertId").in(alertIds));
    query.fields().include("webhookId", "alertId", "alertVersion");
    Set<String> keys = new HashSet<>();
    for (Document d : mongo.find(query, Document.class, Delivery.COLLECTION)) {
      Number version = d.get("alertVersion", Number.class);
      keys.add(key(d.getString("webhookId"), d.getString("alertId"), version.longValue()));
    }
    return keys;
  }

  static String key(String webhookId, String alertId, long version) {
    return webhookId + "|" + alertId + "|" + version;
  }

  /** Removes every delivery of a deleted webhook. */
  public void deleteByWebhook(String tenantId, String webhookId) {
    mongo.remove(
        Query.query(where("tenantId").is(tenantId).and("webhookId").is(webhookId)), Delivery.class);
  }
}
