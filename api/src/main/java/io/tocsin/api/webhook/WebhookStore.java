package io.tocsin.api.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Webhook persistence; every query is scoped to a tenant. */
@Repository
public class WebhookStore {

  private final MongoTemplate mongo;

  WebhookStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<Webhook> find(String tenantId, String id) {
    return Optional.ofNullable(
        mongo.findOne(
            Query.query(where("_id").is(id).and("tenantId").is(tenantId)), Webhook.class));
  }

  /** The tenant's enabled webhooks (few per tenant; read on every alert change). */
  public List<Webhook> enabled(String tenantId) {
    return mongo.find(
        Query.query(where("tenantId").is(tenantId).and("enabled").is(true)), Webhook.class);
  }

  /** Tenants with at least one enabled webhook: the only ones the sweeper scans. */
  public List<String> tenantsWithEnabled() {
    return mongo
        .findDistinct(
            Query.query(where("enabled").is(true)), "tenantId", Webhook.class, String.class)
        .stream()
        .sorted()
        .toList();
  }

  List<Webhook> page(String tenantId, int limit, long offset) {
    return mongo.find(
        Query.query(where("tenantId").is(tenantId)).with(Sort.by("name")).skip(offset).limit(limit),
        Webhook.class);
  }

  long count(String tenantId) {
    return mongo.count(Query.query(where("tenantId").is(tenantId)), Webhook.class);
  }

  /** Inserts or replaces; false when another webhook of the tenant has the name. */
  boolean save(Webhook webhook) {
    try {
      mongo.save(webhook);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  boolean delete(String tenantId, String id) {
    return mongo
            .remove(Query.query(where("_id").is(id).and("tenantId").is(tenantId)), Webhook.class)
            .getDeletedCount()
        == 1;
  }
}
