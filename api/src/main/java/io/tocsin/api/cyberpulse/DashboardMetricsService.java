package io.tocsin.api.cyberpulse;

import io.tocsin.api.event.EventStore;
import io.tocsin.api.scan.ScanVulnerabilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Assembles {@code GET /dashboard/metrics} for one tenant, as of now. */
@Service
public class DashboardMetricsService {

  private final EventStore events;
  private final OpenAlerts alerts;
  private final ScanVulnerabilities scans;
  private final ComplianceStatus compliance;
  private final ActiveThreats threats;
  private final ProjectCompletion projects;
  private final SystemHealth health;
  private final Clock clock;

  DashboardMetricsService(
      EventStore events,
      OpenAlerts alerts,
      ScanVulnerabilities scans,
      ComplianceStatus compliance,
      ActiveThreats threats,
      ProjectCompletion projects,
      SystemHealth health,
      Clock clock) {
    this.events = events;
    this.alerts = alerts;
    this.scans = scans;
    this.compliance = compliance;
    this.threats = threats;
    this.projects = projects;
    this.health = health;
    this.clock = clock;
  }

  /** The metrics as {@code GET /dashboard/metrics} shows them. */
  public Map<String, Object> metrics(String tenantId) {
    Instant now = clock.instant();
    Document last24h =
        new Document(
            "ts",
            new Document("$gte", Date.from(now.minus(Duration.ofHours(24))))
                .append("$lte", Date.from(now)));
    Map<String, Long> open = alerts.bySeverity(tenantId);
    long findings = scans.openFindings(tenantId).size();
    long tagged = alerts.vulnerabilityTagged(tenantId);
    long online = health.onlineAgents(tenantId, now);
    long known = health.knownHosts(tenantId);
    SecurityScore score =
        new SecurityScore(
            open.get("critical"),
            open.get("high"),
            open.get("medium"),
            findings + tagged,
            known,
            online);
    Map<String, Object> threatView = threats.of(tenantId);
    Map<String, Object> completion = projects.of(tenantId);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("security_score", score.score());
    body.put("security_score_penalties", score.penalties());
    body.put("total_events_24h", events.count(tenantId, last24h));
    body.put("critical_alerts", open.get("critical"));
    body.put("open_alerts", open);
    body.put("open_vulnerabilities", findings + tagged);
    body.put("vulnerabilities", Map.of("scan_findings", findings, "tagged_alerts", tagged));
    body.put("compliance_status", compliance.of(tenantId));
    body.put("project_completion", completion.get("percent"));
    body.put("project_completion_detail", completion.get("detail"));
    body.put("active_threats", threatView.get("count"));
    body.put("active_threat_groups", threatView.get("top"));
    body.put("system_health", health.of(tenantId, now, online, known));
    body.put("generated_at", now);
    return body;
  }
}
