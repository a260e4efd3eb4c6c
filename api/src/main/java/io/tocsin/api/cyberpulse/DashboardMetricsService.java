package io.tocsin.api.cyberpulse;

import io.tocsin.api.event.EventStore;
import io.tocsin.api.scan.ScanVulnerabilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
  public DashboardMetrics metrics(String tenantId) {
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
    ActiveThreats.Threats active = threats.of(tenantId);
    ProjectCompletion.Completion completion = projects.of(tenantId);
    return new DashboardMetrics(
        score.score(),
        score.penalties(),
        events.count(tenantId, last24h),
        open.get("critical"),
        open,
        findings + tagged,
        new DashboardMetrics.VulnerabilityCounts(findings, tagged),
        compliance.of(tenantId),
        completion.percent(),
        completion.detail(),
        active.count(),
        active.top(),
        health.of(tenantId, now, online, known),
        now);
  }
}
