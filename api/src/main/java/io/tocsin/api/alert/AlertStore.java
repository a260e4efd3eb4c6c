package io.tocsin.api.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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

  List<Alert> page(Criteria filter, int limit, long offset) {
    Query query =
        Query.query(filter)
            .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
            .skip(offset)
            .limit(limit);
    return mongo.find(query, Alert.class);
  }

  long count(Criteria filter) {
    return mongo.count(Query.query(filter), Alert.class);
  }
}
