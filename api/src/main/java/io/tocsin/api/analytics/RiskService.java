package io.tocsin.api.analytics;

import io.tocsin.api.alert.Alert;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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

  AnalyticsBodies.RiskScores risk(String tenantId, int limit) {
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
    return new AnalyticsBodies.RiskScores(
        ranked(scores(users, AnalyticsBodies.UserRisk::new), limit),
        ranked(
            scores(
                hosts,
                (id, score, max, count, factors) ->
                    new AnalyticsBodies.EntityRisk(id, "host", score, max, count, factors)),
            limit),
        clock.instant());
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

  /** Builds one row of the ranking. */
  private interface Row<R> {
    R of(String id, double riskScore, long maxAlertRiskScore, int alertCount, List<String> factors);
  }

  private <R> List<R> scores(List<Document> pipeline, Row<R> row) {
    List<R> out = new ArrayList<>();
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
      out.add(
          row.of(
              d.get("_id").toString(),
              Math.round((1.0 - safe) * 1000) / 10.0,
              max,
              scores.size(),
              List.copyOf(topFactors)));
    }
    return out;
  }

  /** Highest risk first, ties by id; at most {@code limit}. */
  private static <R extends AnalyticsBodies.Risk> List<R> ranked(List<R> rows, int limit) {
    List<R> out = new ArrayList<>(rows);
    out.sort(
        Comparator.comparingDouble((R r) -> -r.riskScore())
            .thenComparing(AnalyticsBodies.Risk::id));
    return out.size() > limit ? out.subList(0, limit) : out;
  }
}
