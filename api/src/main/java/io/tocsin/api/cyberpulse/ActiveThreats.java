package io.tocsin.api.cyberpulse;

import io.tocsin.api.cyberpulse.DashboardMetrics.ThreatGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code active_threats}: open alerts folded into correlated groups. Alerts that share a case or
 * correlation id ({@code caseId}, {@code correlationId}) are one threat; otherwise alerts on the
 * same host from the same policy (or, without a policy, raised by hand or through an integration)
 * are one threat; alerts without a host group by policy and {@code group_key} (e.g. the same {@code
 * network.source.ip}).
 */
@Component
class ActiveThreats {

  /** Open alerts read per call; the newest, so a flood of old ones cannot hide new threats. */
  static final int MAX_ALERTS = 10_000;

  static final int TOP = 10;

  private final OpenAlerts alerts;

  ActiveThreats(OpenAlerts alerts) {
    this.alerts = alerts;
  }

  /**
   * The number of threats and the {@value #TOP} most severe.
   *
   * @param count correlated groups of open alerts
   * @param top the most severe groups, then the largest
   */
  record Threats(int count, List<ThreatGroup> top) {}

  Threats of(String tenantId) {
    Map<String, Group> groups = new LinkedHashMap<>();
    for (Document a : alerts.newest(tenantId, MAX_ALERTS)) {
      groups.computeIfAbsent(key(a), Group::new).add(a);
    }
    List<Group> ranked = new ArrayList<>(groups.values());
    ranked.sort(
        Comparator.comparingInt(Group::rank)
            .reversed()
            .thenComparing(Comparator.comparingInt((Group g) -> g.alertIds.size()).reversed())
            .thenComparing(g -> g.key));
    return new Threats(groups.size(), ranked.stream().limit(TOP).map(Group::view).toList());
  }

  static String key(Document a) {
    for (String shared : List.of("caseId", "correlationId")) {
      if (a.get(shared) instanceof String id && !id.isBlank()) {
        return shared + ":" + id;
      }
    }
    String policy = a.getString("policyId") == null ? "-" : a.getString("policyId");
    if (a.getString("hostId") != null) {
      return "host:" + a.getString("hostId") + "|policy:" + policy;
    }
    Object groupKey = a.get("groupKey");
    Map<String, Object> sorted = new TreeMap<>();
    if (groupKey instanceof Map<?, ?> m) {
      m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    }
    return "policy:" + policy + "|" + sorted;
  }

  private static final class Group {
    final String key;
    final List<String> alertIds = new ArrayList<>();
    String hostId;
    String policyId;
    String policyName;
    String title;
    String severity = "low";
    Date lastSeen;

    Group(String key) {
      this.key = key;
    }

    void add(Document a) {
      if (alertIds.isEmpty()) {
        hostId = a.getString("hostId");
        policyId = a.getString("policyId");
        policyName = a.getString("policyName");
        title = a.getString("title");
      }
      alertIds.add(String.valueOf(a.get("_id")));
      String s = a.getString("severity");
      if (s != null && OpenAlerts.SEVERITIES.indexOf(s) > OpenAlerts.SEVERITIES.indexOf(severity)) {
        severity = s;
      }
      Date seen = a.getDate("lastSeen") != null ? a.getDate("lastSeen") : a.getDate("createdAt");
      if (seen != null && (lastSeen == null || seen.after(lastSeen))) {
        lastSeen = seen;
      }
    }

    int rank() {
      return OpenAlerts.SEVERITIES.indexOf(severity);
    }

    ThreatGroup view() {
      return new ThreatGroup(
          key,
          title,
          severity,
          hostId,
          policyId,
          policyName,
          alertIds.size(),
          alertIds.subList(0, Math.min(10, alertIds.size())),
          lastSeen == null ? null : lastSeen.toInstant());
    }
  }
}
