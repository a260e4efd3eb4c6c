package io.tocsin.api.cyberpulse;

import io.tocsin.api.alert.Alert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Alerts not closed yet (open or acknowledged): what the dashboard calls open. */
@Component
class OpenAlerts {

  static final List<String> OPEN_STATUSES = List.of("open", "acknowledged");
  static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

  private final MongoTemplate mongo;

  OpenAlerts(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  static Document filter(String tenantId) {
    return new Document("tenantId", tenantId).append("status", new Document("$in", OPEN_STATUSES));
  }

  /** Open alerts per severity, every severity present. */
  Map<String, Long> bySeverity(String tenantId) {
    Map<String, Long> out = new LinkedHashMap<>();
    SEVERITIES.forEach(s -> out.put(s, 0L));
    List<Document> pipeline =
        List.of(
            new Document("$match", filter(tenantId)),
            new Document(
                "$group", new Document("_id", "$severity").append("n", new Document("$sum", 1))));
    for (Document d : mongo.getCollection(Alert.COLLECTION).aggregate(pipeline)) {
      if (d.get("_id") instanceof String s && d.get("n") instanceof Number n) {
        out.put(s, n.longValue());
      }
    }
    return out;
  }

  /**
   * Open alerts tagged as vulnerabilities ({@code vulnerability}, {@code cve:*}, {@code cve-*}).
   */
  long vulnerabilityTagged(String tenantId) {
    Document tagged =
        filter(tenantId)
            .append(
                "$or",
                List.of(
                    new Document("tags", "vulnerability"),
                    new Document(
                        "tags", new Document("$regex", "^cve[:-]").append("$options", "i"))));
    return mongo.getCollection(Alert.COLLECTION).countDocuments(tagged);
  }

  /** The newest open alerts, at most {@code limit}, with the fields correlation reads. */
  Iterable<Document> newest(String tenantId, int limit) {
    return mongo
        .getCollection(Alert.COLLECTION)
        .find(filter(tenantId))
        .projection(
            new Document("hostId", 1)
                .append("policyId", 1)
                .append("policyName", 1)
                .append("title", 1)
                .append("severity", 1)
                .append("groupKey", 1)
                .append("caseId", 1)
                .append("correlationId", 1)
                .append("createdAt", 1)
                .append("lastSeen", 1))
        .sort(new Document("createdAt", -1))
        .limit(limit);
  }
}
