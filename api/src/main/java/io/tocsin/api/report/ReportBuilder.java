package io.tocsin.api.report;

import io.tocsin.api.cyberpulse.DashboardMetricsService;
import io.tocsin.api.scan.ScanVulnerabilities;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    Map<String, Object> now = needsDashboard(options) ? dashboard.metrics(tenantId) : Map.of();
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

  private Report.Section summary(PeriodQueries.Window w, Map<String, Object> now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("events", queries.events(w));
    data.put("alerts_raised", queries.alerts(w));
    Map<String, Long> raised = queries.alertsBy(w, "$severity");
    for (String s : List.of("critical", "high", "medium", "low")) {
      data.put("alerts_raised_" + s, raised.getOrDefault(s, 0L));
    }
    data.put("security_score", now.get("security_score"));
    data.put("critical_alerts_open", now.get("critical_alerts"));
    data.put("open_vulnerabilities", now.get("open_vulnerabilities"));
    data.put("active_threats", now.get("active_threats"));
    List<List<Object>> rows = new ArrayList<>();
    data.forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
    return new Report.Section("summary", "Summary", data, List.of("metric", "value"), rows);
  }

  private Report.Section alerts(PeriodQueries.Window w) {
    List<Map<String, Object>> recent = queries.recentAlerts(w, PeriodQueries.MAX_ROWS);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("total", queries.alerts(w));
    data.put("by_severity", queries.alertsBy(w, "$severity"));
    data.put("by_status", queries.alertsBy(w, "$status"));
    data.put("recent", recent);
    List<String> columns =
        List.of("id", "created_at", "severity", "status", "title", "host_id", "policy_name");
    return new Report.Section("alerts", "Alerts raised", data, columns, rows(recent, columns));
  }

  private Report.Section events(PeriodQueries.Window w) {
    Map<String, Long> bySeverity = queries.eventsBy(w, "$severity");
    Map<String, Long> byType = queries.eventsBy(w, "$event.type");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("total", queries.events(w));
    data.put("by_severity", bySeverity);
    data.put("by_type", byType);
    List<List<Object>> rows = new ArrayList<>();
    bySeverity.forEach((k, v) -> rows.add(List.of("severity", k, v)));
    byType.forEach((k, v) -> rows.add(List.of("event_type", k, v)));
    return new Report.Section(
        "events", "Events", data, List.of("dimension", "value", "count"), rows);
  }

  private Report.Section topHosts(PeriodQueries.Window w) {
    List<Map<String, Object>> hosts = queries.top(w, "$hostId", "host_id");
    List<String> columns = List.of("host_id", "alerts", "max_risk_score");
    return new Report.Section(
        "top_hosts", "Top hosts by alerts", hosts, columns, rows(hosts, columns));
  }

  private Report.Section topPolicies(PeriodQueries.Window w) {
    List<Map<String, Object>> policies = queries.top(w, "$policyId", "policy_id");
    List<String> columns = List.of("policy_id", "policy_name", "alerts", "max_risk_score");
    return new Report.Section(
        "top_policies", "Top policies by alerts", policies, columns, rows(policies, columns));
  }

  @SuppressWarnings("unchecked")
  private static Report.Section compliance(Map<String, Object> now) {
    Map<String, Object> status = (Map<String, Object>) now.get("compliance_status");
    List<List<Object>> rows = new ArrayList<>();
    status.forEach(
        (id, value) -> {
          Map<String, Object> f = (Map<String, Object>) value;
          if (f.containsKey("coverage_percent")) {
            rows.add(
                List.of(
                    id,
                    f.get("name"),
                    "coverage " + f.get("coverage_percent") + "%",
                    f.get("tactics_covered") + "/" + f.get("tactics_total") + " tactics",
                    ""));
          } else {
            rows.add(
                List.of(
                    id, f.get("name"), f.get("status"), f.get("policies"), f.get("open_alerts")));
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
    List<Map<String, Object>> findings = vulnerabilities.openFindings(tenantId);
    List<String> columns = List.of("host_id", "type", "severity", "port", "title", "scanned_at");
    return new Report.Section(
        "vulnerabilities",
        "Open vulnerabilities (scan findings)",
        findings,
        columns,
        rows(findings, columns));
  }

  @SuppressWarnings("unchecked")
  private static Report.Section threats(Map<String, Object> now) {
    List<Map<String, Object>> groups = (List<Map<String, Object>>) now.get("active_threat_groups");
    List<String> columns =
        List.of("severity", "title", "host_id", "policy_name", "alerts", "last_seen");
    return new Report.Section("threats", "Active threats", groups, columns, rows(groups, columns));
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
}
