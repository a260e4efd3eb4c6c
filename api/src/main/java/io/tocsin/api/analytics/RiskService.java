package io.tocsin.api.analytics;

import io.tocsin.api.alert.Alert;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * {@code GET /analytics/risk}: the risk of each host and user from their active (open or
 * acknowledged) alerts. Scores combine like independent probabilities, {@code 100 * (1 - Π(1 -
 * s/100))}: one critical alert (99) gives 99, two high ones (73) give 93, many low ones approach
 * but never pass 100.
 */
@Service
class RiskService {

  private static final int MAX_FACTORS = 5;

  private final MongoTemplate mongo;
  private final Clock clock;

  RiskService(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  Map<String, Object> risk(String tenantId, int limit) {
    Document active =
        new Document("tenantId", tenantId)
            .append("status", new Document("$in", List.of("open", "acknowledged")));
    List<Document> hosts =
        List.of(
            new Document(
                "$match", new Document(active).append("hostId", new Document("$ne", null))),
            group("$hostId"));
    List<Document> users =
        List.of(
            new Document("$match", active), new Document("$unwind", "$userIds"), group("$userIds"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user_risk_scores", scores(users, "user_id", null, limit));
    body.put("entity_risk_scores", scores(hosts, "entity_id", "host", limit));
    body.put("calculated_at", clock.instant());
    return body;
  }

  private static Document group(String key) {
    return new Document(
        "$group",
        new Document("_id", key)
            .append("scores", new Document("$push", "$riskScore"))
            .append(
                "factors",
                new Document("$push", new Document("$ifNull", List.of("$policyName", "$title")))));
  }

  private List<Map<String, Object>> scores(
      List<Document> pipeline, String idField, String entityType, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Document d : mongo.getCollection(Alert.COLLECTION).aggregate(pipeline)) {
      if (d.get("_id") == null) {
        continue;
      }
      List<?> scores = d.getList("scores", Object.class);
      List<?> factors = d.getList("factors", Object.class);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingLong((Integer i) -> -DashboardService.number(scores.get(i))));
      double safe = 1.0;
      long max = 0;
      Set<String> topFactors = new LinkedHashSet<>();
      for (int i : order) {
        long s = Math.max(0, Math.min(100, DashboardService.number(scores.get(i))));
        safe *= 1.0 - s / 100.0;
        max = Math.max(max, s);
        if (i < factors.size() && factors.get(i) != null && topFactors.size() < MAX_FACTORS) {
          topFactors.add(factors.get(i).toString());
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(idField, d.get("_id").toString());
      if (entityType != null) {
        row.put("entity_type", entityType);
      }
      row.put("risk_score", Math.round((1.0 - safe) * 1000) / 10.0);
      row.put("max_alert_risk_score", max);
      row.put("alert_count", scores.size());
      row.put("factors", List.copyOf(topFactors));
      out.add(row);
    }
    out.sort(
        Comparator.comparingDouble((Map<String, Object> r) -> -((Double) r.get("risk_score")))
            .thenComparing(r -> r.get(idField).toString()));
    return out.size() > limit ? out.subList(0, limit) : out;
  }
}
