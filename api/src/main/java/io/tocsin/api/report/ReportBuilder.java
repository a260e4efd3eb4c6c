package io.tocsin.api.report;

import io.tocsin.api.cyberpulse.DashboardMetrics;
import io.tocsin.api.cyberpulse.DashboardMetrics.ComplianceFramework;
import io.tocsin.api.cyberpulse.DashboardMetrics.ThreatGroup;
import io.tocsin.api.cyberpulse.DashboardMetricsService;
import io.tocsin.api.report.ReportView.HostRank;
import io.tocsin.api.report.ReportView.PolicyRank;
import io.tocsin.api.report.ReportView.RecentAlert;
import io.tocsin.api.report.ReportView.ReportAlerts;
import io.tocsin.api.report.ReportView.ReportEvents;
import io.tocsin.api.report.ReportView.ReportSummary;
import io.tocsin.api.scan.ScanFinding;
import io.tocsin.api.scan.ScanVulnerabilities;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Builds the requested sections of a report for one tenant and period. */
@Service
class ReportBuilder {

  private final PeriodQueries queries;
  private final DashboardMetricsService dashboard;
  private final ScanVulnerabilities vulnerabilities;
  private final Clock clock;

  ReportBuilder(
      PeriodQueries queries,
      DashboardMetricsService dashboard,
      ScanVulnerabilities vulnerabilities,
      Clock clock) {
    this.queries = queries;
    this.dashboard = dashboard;
    this.vulnerabilities = vulnerabilities;
    this.clock = clock;
  }

  Report build(String tenantId, ReportOptions options) {
    Instant to = clock.instant();
    Instant from = to.minus(options.window());
    PeriodQueries.Window w = new PeriodQueries.Window(tenantId, from, to);
    DashboardMetrics now = needsDashboard(options) ? dashboard.metrics(tenantId) : null;
    List<Report.Section> sections = new ArrayList<>();
    for (String name : options.sections()) {
      sections.add(
          switch (name) {
            case "summary" -> summary(w, now);
            case "alerts" -> alerts(w);
            case "events" -> events(w);
            case "top_hosts" -> topHosts(w);
            case "top_policies" -> topPolicies(w);
            case "compliance" -> compliance(now);
            case "vulnerabilities" -> vulnerabilities(tenantId);
            case "threats" -> threats(now);
            default -> throw new IllegalStateException("section " + name);
          });
    }
    return new Report(tenantId, options.period(), from, to, sections);
  }

  private static boolean needsDashboard(ReportOptions o) {
    return o.sections().stream()
        .anyMatch(s -> List.of("summary", "compliance", "threats").contains(s));
  }

  private Report.Section summary(PeriodQueries.Window w, DashboardMetrics now) {
    Map<String, Long> raised = queries.alertsBy(w, "$severity");
    ReportSummary data =
        new ReportSummary(
            queries.events(w),
            queries.alerts(w),
            raised.getOrDefault("critical", 0L),
            raised.getOrDefault("high", 0L),
            raised.getOrDefault("medium", 0L),
            raised.getOrDefault("low", 0L),
            now.securityScore(),
            now.criticalAlerts(),
            now.openVulnerabilities(),
            now.activeThreats());
    List<List<Object>> rows =
        List.of(
            List.of("events", data.events()),
            List.of("alerts_raised", data.alertsRaised()),
            List.of("alerts_raised_critical", data.alertsRaisedCritical()),
            List.of("alerts_raised_high", data.alertsRaisedHigh()),
            List.of("alerts_raised_medium", data.alertsRaisedMedium()),
            List.of("alerts_raised_low", data.alertsRaisedLow()),
            List.of("security_score", data.securityScore()),
            List.of("critical_alerts_open", data.criticalAlertsOpen()),
            List.of("open_vulnerabilities", data.openVulnerabilities()),
            List.of("active_threats", data.activeThreats()));
    return new Report.Section("summary", "Summary", data, List.of("metric", "value"), rows);
  }

  private Report.Section alerts(PeriodQueries.Window w) {
    List<Map<String, Object>> recent = queries.recentAlerts(w, PeriodQueries.MAX_ROWS);
    ReportAlerts data =
        new ReportAlerts(
            queries.alerts(w),
            queries.alertsBy(w, "$severity"),
            queries.alertsBy(w, "$status"),
            recent.stream()
                .map(
                    a ->
                        new RecentAlert(
                            text(a.get("id")),
                            (Instant) a.get("created_at"),
                            text(a.get("severity")),
                            text(a.get("status")),
                            text(a.get("title")),
                            text(a.get("host_id")),
                            text(a.get("policy_name"))))
                .toList());
    List<String> columns =
        List.of("id", "created_at", "severity", "status", "title", "host_id", "policy_name");
    return new Report.Section("alerts", "Alerts raised", data, columns, rows(recent, columns));
  }

  private Report.Section events(PeriodQueries.Window w) {
    Map<String, Long> bySeverity = queries.eventsBy(w, "$severity");
    Map<String, Long> byType = queries.eventsBy(w, "$event.type");
    ReportEvents data = new ReportEvents(queries.events(w), bySeverity, byType);
    List<List<Object>> rows = new ArrayList<>();
    bySeverity.forEach((k, v) -> rows.add(List.of("severity", k, v)));
    byType.forEach((k, v) -> rows.add(List.of("event_type", k, v)));
    return new Report.Section(
        "events", "Events", data, List.of("dimension", "value", "count"), rows);
  }

  private Report.Section topHosts(PeriodQueries.Window w) {
    List<Map<String, Object>> hosts = queries.top(w, "$hostId", "host_id");
    List<HostRank> data =
        hosts.stream()
            .map(
                h ->
                    new HostRank(
                        text(h.get("host_id")),
                        (Long) h.get("alerts"),
                        (Long) h.get("max_risk_score")))
            .toList();
    List<String> columns = List.of("host_id", "alerts", "max_risk_score");
    return new Report.Section(
        "top_hosts", "Top hosts by alerts", data, columns, rows(hosts, columns));
  }

  private Report.Section topPolicies(PeriodQueries.Window w) {
    List<Map<String, Object>> policies = queries.top(w, "$policyId", "policy_id");
    List<PolicyRank> data =
        policies.stream()
            .map(
                p ->
                    new PolicyRank(
                        text(p.get("policy_id")),
                        text(p.get("policy_name")),
                        (Long) p.get("alerts"),
                        (Long) p.get("max_risk_score")))
            .toList();
    List<String> columns = List.of("policy_id", "policy_name", "alerts", "max_risk_score");
    return new Report.Section(
        "top_policies", "Top policies by alerts", data, columns, rows(policies, columns));
  }

  private static Report.Section compliance(DashboardMetrics now) {
    Map<String, ComplianceFramework> status = now.complianceStatus();
    List<List<Object>> rows = new ArrayList<>();
    status.forEach(
        (id, f) -> {
          if (f.coveragePercent() != null) { // mitre_attack: coverage, not status
            rows.add(
                List.of(
                    id,
                    f.name(),
                    "coverage " + f.coveragePercent() + "%",
                    f.tacticsCovered() + "/" + f.tacticsTotal() + " tactics",
                    ""));
          } else {
            rows.add(List.of(id, f.name(), f.status(), f.policies(), f.openAlerts()));
          }
        });
    return new Report.Section(
        "compliance",
        "Compliance",
        status,
        List.of("framework", "name", "status", "policies", "open_alerts"),
        rows);
  }

  private Report.Section vulnerabilities(String tenantId) {
    List<ScanFinding> findings = vulnerabilities.openFindings(tenantId);
    List<List<Object>> rows = new ArrayList<>();
    for (ScanFinding f : findings) {
      rows.add(
          Arrays.asList(f.hostId(), f.type(), f.severity(), f.port(), f.title(), f.scannedAt()));
    }
    return new Report.Section(
        "vulnerabilities",
        "Open vulnerabilities (scan findings)",
        findings,
        List.of("host_id", "type", "severity", "port", "title", "scanned_at"),
        rows);
  }

  private static Report.Section threats(DashboardMetrics now) {
    List<ThreatGroup> groups = now.activeThreatGroups();
    List<List<Object>> rows = new ArrayList<>();
    for (ThreatGroup g : groups) {
      rows.add(
          Arrays.asList(
              g.severity(), g.title(), g.hostId(), g.policyName(), g.alerts(), g.lastSeen()));
    }
    return new Report.Section(
        "threats",
        "Active threats",
        groups,
        List.of("severity", "title", "host_id", "policy_name", "alerts", "last_seen"),
        rows);
  }

  private static List<List<Object>> rows(List<Map<String, Object>> items, List<String> columns) {
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> item : items) {
      List<Object> row = new ArrayList<>();
      columns.forEach(c -> row.add(item.get(c)));
      rows.add(row);
    }
    return rows;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
