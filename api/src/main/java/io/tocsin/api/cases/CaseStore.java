package io.tocsin.api.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Case and task persistence; every query is scoped to a tenant. */
@Repository
class CaseStore {

  private final MongoTemplate mongo;

  CaseStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void insert(Case c) {
    mongo.insert(c);
  }

  void insert(CaseTask t) {
    mongo.insert(t);
  }

  Optional<Case> find(String tenantId, String id) {
    return Optional.ofNullable(mongo.findOne(byId(tenantId, id), Case.class));
  }

  Optional<CaseTask> findTask(String tenantId, String id) {
    return Optional.ofNullable(mongo.findOne(byId(tenantId, id), CaseTask.class));
  }

  /** Replaces the case if it is still at {@code expectedVersion}; false if someone else won. */
  boolean replace(Case c, long expectedVersion) {
    Query current = byId(c.tenantId, c.id).addCriteria(where("version").is(expectedVersion));
    return mongo.replace(current, c).getMatchedCount() == 1;
  }

  boolean replace(CaseTask t, long expectedVersion) {
    Query current = byId(t.tenantId, t.id).addCriteria(where("version").is(expectedVersion));
    return mongo.replace(current, t).getMatchedCount() == 1;
  }

  /** Newest first; the id breaks ties so pages are stable. */
  List<Case> page(Criteria filter, int limit, long offset) {
    Sort newest = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));
    return mongo.find(Query.query(filter).with(newest).skip(offset).limit(limit), Case.class);
  }

  long count(Criteria filter) {
    return mongo.count(Query.query(filter), Case.class);
  }

  /** Oldest first: the order a case's plan was written in. */
  List<CaseTask> pageTasks(Criteria filter, int limit, long offset) {
    Sort oldest = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"));
    return mongo.find(Query.query(filter).with(oldest).skip(offset).limit(limit), CaseTask.class);
  }

  long countTasks(Criteria filter) {
    return mongo.count(Query.query(filter), CaseTask.class);
  }

  /** Status and story points of every task of a case: what its progress is computed from. */
  List<CaseTask> tasksOf(String tenantId, String caseId) {
    Query query = Query.query(where("tenantId").is(tenantId).and("projectId").is(caseId));
    query.fields().include("status", "storyPoints");
    return mongo.find(query, CaseTask.class);
  }

  private static Query byId(String tenantId, String id) {
    return Query.query(where("_id").is(id).and("tenantId").is(tenantId));
  }
}
