package io.tocsin.api.analytics;

import io.tocsin.api.alert.Alert;
import io.tocsin.api.command.AgentPresence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * {@code GET /analytics/dashboard}: alert counts by severity and status, top policies and hosts,
 * alert and event time series, over the requested window. Events are read from the event feature's
 * {@code events} collection ({@code tenant_id}, {@code ts}).
 */
@Service
class DashboardService {

  static final String EVENTS = "events";
  static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);
  private static final int TOP = 10;

  private final MongoTemplate mongo;
  private final AgentPresence presence;
  private final Clock clock;

  DashboardService(MongoTemplate mongo, AgentPresence presence, Clock clock) {
    this.mongo = mongo;
    this.presence = presence;
    this.clock = clock;
  }

  AnalyticsBodies.Dashboard dashboard(
      String tenantId, String range, Duration window, Buckets buckets) {
    Instant to = clock.instant();
    Instant from = to.minus(window);
    Document inWindow =
        new Document("tenantId", tenantId)
            .append(
                "createdAt", new Document("$gte", Date.from(from)).append("$lte", Date.from(to)));
    Document eventsInWindow =
        new Document("tenant_id", tenantId)
            .append("ts", new Document("$gte", Date.from(from)).append("$lte", Date.from(to)));

    Map<String, Long> bySeverity = zeros("low", "medium", "high", "critical");
    bySeverity.putAll(countBy(Alert.COLLECTION, inWindow, "$severity"));
    Map<String, Long> byStatus = zeros("open", "acknowledged", "closed");
    byStatus.putAll(countBy(Alert.COLLECTION, inWindow, "$status"));
    long totalAlerts = byStatus.values().stream().mapToLong(Long::longValue).sum();
    Document active =
        new Document("tenantId", tenantId)
            .append("status", new Document("$in", List.of("open", "acknowledged")));
    long activeAlerts = mongo.getCollection(Alert.COLLECTION).countDocuments(active);
    long totalEvents = mongo.getCollection(EVENTS).countDocuments(eventsInWindow);

    AnalyticsBodies.DashboardSummary summary =
        new AnalyticsBodies.DashboardSummary(
            totalEvents,
            totalAlerts,
            activeAlerts,
            averageRisk(active),
            presence.onlineSince(tenantId, to.minus(ONLINE_WINDOW)));
    AnalyticsBodies.DashboardCharts charts =
        new AnalyticsBodies.DashboardCharts(
            buckets.series(from, to, histogram(EVENTS, eventsInWindow, "ts", buckets)),
            buckets.series(from, to, histogram(Alert.COLLECTION, inWindow, "createdAt", buckets)),
            bySeverity,
            byStatus);
    return new AnalyticsBodies.Dashboard(
        range,
        buckets.name().toLowerCase(java.util.Locale.ROOT),
        from,
        to,
        summary,
        charts,
        topPolicies(inWindow),
        topHosts(inWindow));
  }

  private Map<String, Long> countBy(String collection, Document match, String key) {
    Map<String, Long> out = new LinkedHashMap<>();
    List<Document> pipeline =
        List.of(
            new Document("$match", match),
            new Document(
                "$group", new Document("_id", key).append("count", new Document("$sum", 1))));
    for (Document d : mongo.getCollection(collection).aggregate(pipeline)) {
      if (d.get("_id") != null) {
        out.put(d.get("_id").toString(), number(d.get("count")));
      }
    }
    return out;
  }

  private Map<Long, Long> histogram(String collection, Document match, String field, Buckets b) {
    List<Document> pipeline =
        List.of(
            new Document("$match", match),
            new Document("$project", new Document("bucket", b.expression(field))),
            new Document(
                "$group", new Document("_id", "$bucket").append("count", new Document("$sum", 1))));
    Map<Long, Long> out = new HashMap<>();
    for (Document d : mongo.getCollection(collection).aggregate(pipeline)) {
      if (d.get("_id") instanceof Number n) {
        out.put(n.longValue(), number(d.get("count")));
      }
    }
    return out;
  }

  private double averageRisk(Document match) {
    List<Document> pipeline =
        List.of(
            new Document("$match", match),
            new Document(
                "$group",
                new Document("_id", null).append("avg", new Document("$avg", "$riskScore"))));
    for (Document d : mongo.getCollection(Alert.COLLECTION).aggregate(pipeline)) {
      if (d.get("avg") instanceof Number n) {
        return Math.round(n.doubleValue() * 10) / 10.0;
      }
    }
    return 0;
  }

  private List<AnalyticsBodies.TopPolicy> topPolicies(Document inWindow) {
    Document match = new Document(inWindow).append("policyId", new Document("$ne", null));
    List<Document> pipeline =
        List.of(
            new Document("$match", match),
            new Document(
                "$group",
                new Document("_id", "$policyId")
                    .append("name", new Document("$first", "$policyName"))
                    .append("count", new Document("$sum", 1))),
            new Document("$sort", new Document("count", -1).append("_id", 1)),
            new Document("$limit", TOP));
    List<AnalyticsBodies.TopPolicy> out = new ArrayList<>();
    for (Document d : mongo.getCollection(Alert.COLLECTION).aggregate(pipeline)) {
      out.add(
          new AnalyticsBodies.TopPolicy(
              text(d.get("_id")), text(d.get("name")), number(d.get("count"))));
    }
    return out;
  }

  private List<AnalyticsBodies.TopHost> topHosts(Document inWindow) {
    Document match = new Document(inWindow).append("hostId", new Document("$ne", null));
    List<Document> pipeline =
        List.of(
            new Document("$match", match),
            new Document(
                "$group",
                new Document("_id", "$hostId")
                    .append("count", new Document("$sum", 1))
                    .append("max_risk", new Document("$max", "$riskScore"))),
            new Document("$sort", new Document("count", -1).append("_id", 1)),
            new Document("$limit", TOP));
    List<AnalyticsBodies.TopHost> out = new ArrayList<>();
    for (Document d : mongo.getCollection(Alert.COLLECTION).aggregate(pipeline)) {
      out.add(
          new AnalyticsBodies.TopHost(
              text(d.get("_id")), number(d.get("count")), number(d.get("max_risk"))));
    }
    return out;
  }

  private static Map<String, Long> zeros(String... keys) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, 0L);
    }
    return out;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
