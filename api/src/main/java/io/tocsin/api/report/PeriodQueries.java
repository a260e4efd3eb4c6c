package io.tocsin.api.report;

import io.tocsin.api.alert.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts and lists over one tenant's alerts (by {@code createdAt}) and events (by {@code ts})
 * within a period, for the report sections.
 */
@Component
class PeriodQueries {

  static final int MAX_ROWS = 100;
  static final int TOP = 10;
  private static final String EVENTS = "events";

  /** A tenant and a time range. */
  record Window(String tenantId, Instant from, Instant to) {

    Document alerts() {
      return new Document("tenantId", tenantId).append("createdAt", range());
    }

    Document events() {
      return new Document("tenant_id", tenantId).append("ts", range());
    }

    private Document range() {
      return new Document("$gte", Date.from(from)).append("$lte", Date.from(to));
    }
  }

  private final MongoTemplate mongo;

  PeriodQueries(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  long alerts(Window w) {
    return mongo.getCollection(Alert.COLLECTION).countDocuments(w.alerts());
  }

  long events(Window w) {
    return mongo.getCollection(EVENTS).countDocuments(w.events());
  }

  Map<String, Long> alertsBy(Window w, String key) {
    return countBy(Alert.COLLECTION, w.alerts(), key);
  }

  Map<String, Long> eventsBy(Window w, String key) {
    return countBy(EVENTS, w.events(), key);
  }

  List<Map<String, Object>> recentAlerts(Window w, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Document a :
        mongo
            .getCollection(Alert.COLLECTION)
            .find(w.alerts())
            .sort(new Document("createdAt", -1).append("_id", 1))
            .limit(limit)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", a.get("_id"));
      Date created = a.getDate("createdAt");
      row.put("created_at", created == null ? null : created.toInstant());
      row.put("severity", a.get("severity"));
      row.put("status", a.get("status"));
      row.put("title", a.get("title"));
      row.put("host_id", a.get("hostId"));
      row.put("policy_name", a.get("policyName"));
      out.add(row);
    }
    return out;
  }

  /** The {@value #TOP} values of {@code key} (e.g. {@code $hostId}) with the most alerts. */
  List<Map<String, Object>> top(Window w, String key, String name) {
    String field = key.substring(1);
    Document match = new Document(w.alerts()).append(field, new Document("$ne", null));
    List<Document> pipeline =
        List.of(
            new Document("$match", match),
            new Document(
                "$group",
                new Document("_id", key)
                    .append("alerts", new Document("$sum", 1))
                    .append("policy_name", new Document("$first", "$policyName"))
                    .append("max_risk_score", new Document("$max", "$riskScore"))),
            new Document("$sort", new Document("alerts", -1).append("_id", 1)),
            new Document("$limit", TOP));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Document d : mongo.getCollection(Alert.COLLECTION).aggregate(pipeline)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(name, d.get("_id"));
      if (name.equals("policy_id")) {
        row.put("policy_name", d.get("policy_name"));
      }
      row.put("alerts", number(d.get("alerts")));
      row.put("max_risk_score", number(d.get("max_risk_score")));
      out.add(row);
    }
    return out;
  }

  private Map<String, Long> countBy(String collection, Document match, String key) {
    List<Document> pipeline =
        List.of(
            new Document("$match", match),
            new Document("$group", new Document("_id", key).append("n", new Document("$sum", 1))),
            new Document("$sort", new Document("n", -1).append("_id", 1)));
    Map<String, Long> out = new LinkedHashMap<>();
    for (Document d : mongo.getCollection(collection).aggregate(pipeline)) {
      out.put(d.get("_id") == null ? "unknown" : d.get("_id").toString(), number(d.get("n")));
    }
    return out;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
