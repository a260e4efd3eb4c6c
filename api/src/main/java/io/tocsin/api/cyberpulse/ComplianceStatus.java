package io.tocsin.api.cyberpulse;

import io.tocsin.api.alert.Alert;
import io.tocsin.api.cyberpulse.DashboardMetrics.ComplianceFramework;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code compliance_status}: per framework, the enabled policies tagged for it and the open alerts
 * they raised. A framework is {@code compliant} when it has policies and none of their alerts is
 * open, {@code at_risk} when some are, {@code not_monitored} without policies. {@code mitre_attack}
 * reports tactic coverage of the enabled policies instead.
 */
@Component
class ComplianceStatus {

  static final String POLICIES = "policies";

  private final MongoTemplate mongo;

  ComplianceStatus(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  Map<String, ComplianceFramework> of(String tenantId) {
    Map<String, Set<String>> policiesByFramework = new TreeMap<>();
    ComplianceMapping.FRAMEWORKS.keySet().forEach(f -> policiesByFramework.put(f, new TreeSet<>()));
    Set<String> tactics = new TreeSet<>();
    Set<String> techniques = new TreeSet<>();
    Document enabled = new Document("tenantId", tenantId).append("enabled", true);
    for (Document p : mongo.getCollection(POLICIES).find(enabled)) {
      String policyId = p.getString("policyId");
      for (Object tag : p.getList("tags", Object.class, List.of())) {
        String t = String.valueOf(tag);
        ComplianceMapping.framework(t)
            .ifPresent(
                f -> policiesByFramework.computeIfAbsent(f, k -> new TreeSet<>()).add(policyId));
        ComplianceMapping.tactic(t).ifPresent(tactics::add);
        if (ComplianceMapping.technique(t)) {
          techniques.add(t.trim().toLowerCase(java.util.Locale.ROOT).substring("attack.".length()));
        }
      }
    }
    Map<String, Long> openByPolicy = openAlertsByPolicy(tenantId);
    Map<String, ComplianceFramework> out = new LinkedHashMap<>();
    policiesByFramework.forEach(
        (framework, policies) -> {
          long open = policies.stream().mapToLong(id -> openByPolicy.getOrDefault(id, 0L)).sum();
          out.put(
              framework,
              ComplianceFramework.framework(
                  ComplianceMapping.FRAMEWORKS.getOrDefault(framework, framework),
                  policies.isEmpty() ? "not_monitored" : open > 0 ? "at_risk" : "compliant",
                  policies.size(),
                  open));
        });
    List<String> missing = new ArrayList<>(ComplianceMapping.TACTICS);
    missing.removeAll(tactics);
    int total = ComplianceMapping.TACTICS.size();
    out.put(
        "mitre_attack",
        new ComplianceFramework(
            "MITRE ATT&CK",
            null,
            null,
            null,
            tactics.size(),
            total,
            Math.round(1000.0 * tactics.size() / total) / 10.0,
            new ArrayList<>(tactics),
            missing,
            techniques.size()));
    return out;
  }

  private Map<String, Long> openAlertsByPolicy(String tenantId) {
    List<Document> pipeline =
        List.of(
            new Document(
                "$match",
                OpenAlerts.filter(tenantId).append("policyId", new Document("$ne", null))),
            new Document(
                "$group", new Document("_id", "$policyId").append("n", new Document("$sum", 1))));
    Map<String, Long> out = new HashMap<>();
    for (Document d : mongo.getCollection(Alert.COLLECTION).aggregate(pipeline)) {
      if (d.get("_id") != null && d.get("n") instanceof Number n) {
        out.put(d.get("_id").toString(), n.longValue());
      }
    }
    return out;
  }
}
