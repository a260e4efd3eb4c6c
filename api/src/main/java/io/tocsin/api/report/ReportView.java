package io.tocsin.api.report;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.cyberpulse.DashboardMetrics.ComplianceFramework;
import io.tocsin.api.cyberpulse.DashboardMetrics.ThreatGroup;
import io.tocsin.api.scan.ScanFinding;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report ({@code POST /analytics/report} with format {@code json}).
 *
 * @param period {@code 24h}, {@code 7d} or {@code 30d}
 * @param startTime start of the period
 * @param endTime end of the period (when it was built)
 * @param generatedAt when it was built
 * @param sections the requested sections in the requested order, each the record {@link
 *     ReportSections} documents for its name
 */
record ReportView(
    String period,
    Instant startTime,
    Instant endTime,
    Instant generatedAt,
    // a map, so the sections keep the order the caller asked for; its values are the records
    @Schema(implementation = ReportSections.class) Map<String, Object> sections) {

  static ReportView of(Report report) {
    Map<String, Object> sections = new LinkedHashMap<>();
    report.sections().forEach(s -> sections.put(s.name(), s.data()));
    return new ReportView(report.period(), report.from(), report.to(), report.to(), sections);
  }

  /**
   * The sections, each present when requested, in the requested order (documents {@code sections};
   * the JSON is written from the ordered map).
   *
   * @param summary period counts and the dashboard's figures now
   * @param alerts alerts raised in the period
   * @param events events in the period
   * @param topHosts the 10 hosts with most alerts raised
   * @param topPolicies the 10 policies with most alerts raised
   * @param compliance the dashboard's {@code compliance_status}
   * @param vulnerabilities the open scan findings
   * @param threats the dashboard's {@code active_threat_groups}
   */
  record ReportSections(
      ReportSummary summary,
      ReportAlerts alerts,
      ReportEvents events,
      List<HostRank> topHosts,
      List<PolicyRank> topPolicies,
      Map<String, ComplianceFramework> compliance,
      List<ScanFinding> vulnerabilities,
      List<ThreatGroup> threats) {}

  /**
   * {@code summary}: the period, and the dashboard now.
   *
   * @param events events in the period
   * @param alertsRaised alerts raised in the period
   * @param alertsRaisedCritical of them critical
   * @param alertsRaisedHigh of them high
   * @param alertsRaisedMedium of them medium
   * @param alertsRaisedLow of them low
   * @param securityScore the security score now
   * @param criticalAlertsOpen open critical alerts now
   * @param openVulnerabilities open vulnerabilities now
   * @param activeThreats active threats now
   */
  record ReportSummary(
      long events,
      long alertsRaised,
      long alertsRaisedCritical,
      long alertsRaisedHigh,
      long alertsRaisedMedium,
      long alertsRaisedLow,
      int securityScore,
      long criticalAlertsOpen,
      long openVulnerabilities,
      int activeThreats) {}

  /**
   * {@code alerts}: alerts raised in the period.
   *
   * @param total how many
   * @param bySeverity per severity present
   * @param byStatus per status present
   * @param recent the newest 100
   */
  record ReportAlerts(
      long total,
      Map<String, Long> bySeverity,
      Map<String, Long> byStatus,
      List<RecentAlert> recent) {}

  /**
   * An alert of the period.
   *
   * @param id alert id
   * @param createdAt when it was raised
   * @param severity severity
   * @param status status
   * @param title title
   * @param hostId host
   * @param policyName the policy that raised it
   */
  record RecentAlert(
      String id,
      Instant createdAt,
      String severity,
      String status,
      String title,
      String hostId,
      String policyName) {}

  /**
   * {@code events}: events in the period.
   *
   * @param total how many
   * @param bySeverity per severity ({@code unknown} without one)
   * @param byType per {@code event.type}
   */
  record ReportEvents(long total, Map<String, Long> bySeverity, Map<String, Long> byType) {}

  /**
   * A host by alerts raised in the period.
   *
   * @param hostId host
   * @param alerts alerts raised
   * @param maxRiskScore their highest risk score
   */
  record HostRank(String hostId, long alerts, long maxRiskScore) {}

  /**
   * A policy by alerts raised in the period.
   *
   * @param policyId policy
   * @param policyName its name
   * @param alerts alerts raised
   * @param maxRiskScore their highest risk score
   */
  record PolicyRank(String policyId, String policyName, long alerts, long maxRiskScore) {}
}
