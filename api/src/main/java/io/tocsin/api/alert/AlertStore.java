package io.tocsin.api.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Alert persistence; every query is scoped to a tenant. */
@Repository
class AlertStore {

  private final MongoTemplate mongo;

  AlertStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Inserts a new alert; false when one with this id already exists. */
  boolean insert(Alert alert) {
    try {
      mongo.insert(alert);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  Optional<Alert> find(String tenantId, String id) {
    return Optional.ofNullable(
        mongo.findOne(Query.query(where("_id").is(id).and("tenantId").is(tenantId)), Alert.class));
  }

  /**
   * The tenant's alerts among {@code ids} with only {@code fields} read (alerts embed copies of
   * their events, which a summary does not need); ids of other tenants are simply not found.
   */
  List<Alert> findAll(String tenantId, Collection<String> ids, String... fields) {
    Query query = Query.query(where("_id").in(ids).and("tenantId").is(tenantId));
    query.fields().include(fields);
    return mongo.find(query, Alert.class);
  }

  /** Replaces the alert if it is still at {@code expectedVersion}; false if someone else won. */
  boolean replace(Alert alert, long expectedVersion) {
    Query current =
        Query.query(
            where("_id")
                .is(alert.id)
                .and("tenantId")
                .is(alert.tenantId)
                .and("version")
                .is(expectedVersion));
    return mongo.replace(current, alert).getMatchedCount() == 1;
  }

  /** Orders of the alert list; the id breaks ties so pages are stable. */
  enum Order {
    NEWEST("-created_at", Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))),
    OLDEST("created_at", Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))),
    RISK("-risk_score", Sort.by(Sort.Order.desc("riskScore"), Sort.Order.desc("_id"))),
    UPDATED("-updated_at", Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("_id")));

    final String wire;
    final Sort sort;

    Order(String wire, Sort sort) {
      this.wire = wire;
      this.sort = sort;
    }

    boolean cursored() {
      return this == NEWEST || this == OLDEST;
    }

    static Optional<Order> fromWire(String value) {
      for (Order o : values()) {
        if (o.wire.equals(value)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  List<Alert> page(Criteria filter, int limit, long offset) {
    return page(filter, Order.NEWEST, limit, offset);
  }

  List<Alert> page(Criteria filter, Order order, int limit, long offset) {
    Query query = Query.query(filter).with(order.sort).skip(offset).limit(limit);
    return mongo.find(query, Alert.class);
  }

  long count(Criteria filter) {
    return mongo.count(Query.query(filter), Alert.class);
  }
}
