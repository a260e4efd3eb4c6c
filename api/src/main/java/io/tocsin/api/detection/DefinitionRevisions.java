package io.tocsin.api.detection;

import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One counter per tenant in {@code definition_revisions}, raised by every change to its policies,
 * lists or macros. Each server compares it with the revision its engine was loaded at, so a change
 * made through one server reaches the engines of all the others (DESIGN §8 scale-out).
 */
@Component
class DefinitionRevisions {

  static final String COLLECTION = "definition_revisions";
  private static final String REVISION = "revision";

  private final MongoTemplate mongo;

  DefinitionRevisions(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Raises the tenant's revision; returns the new one. */
  long bump(String tenantId) {
    Document after =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(tenantId)),
            new Update().inc(REVISION, 1L),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            COLLECTION);
    return revisionOf(after);
  }

  /** The tenant's revision, 0 before its first change. */
  long current(String tenantId) {
    return revisionOf(
        mongo.findOne(Query.query(Criteria.where("_id").is(tenantId)), Document.class, COLLECTION));
  }

  /** Every tenant's revision (one small document per tenant that ever changed a definition). */
  Map<String, Long> all() {
    Map<String, Long> out = new HashMap<>();
    for (Document d : mongo.findAll(Document.class, COLLECTION)) {
      out.put(d.getString("_id"), revisionOf(d));
    }
    return out;
  }

  private static long revisionOf(Document d) {
    return d == null || !(d.get(REVISION) instanceof Number n) ? 0 : n.longValue();
  }
}
