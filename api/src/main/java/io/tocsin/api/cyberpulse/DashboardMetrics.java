package io.tocsin.api.cyberpulse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /dashboard/metrics} (docs/api-cyberpulse.md explains each figure).
 *
 * @param securityScore 0–100: 100 minus the capped penalties
 * @param securityScorePenalties each penalty term
 * @param totalEvents24h events whose time is in the last 24 hours
 * @param criticalAlerts open critical alerts
 * @param openAlerts open alerts per severity ({@code low, medium, high, critical})
 * @param openVulnerabilities open scan findings plus open alerts tagged as vulnerabilities
 * @param vulnerabilities the two parts of {@code open_vulnerabilities}
 * @param complianceStatus per framework id ({@code gdpr, hipaa, iso27001, nist_csf, pci_dss, soc2,
 *     ...}); {@code mitre_attack} reports tactic coverage instead
 * @param projectCompletion percent of cases and case tasks done
 * @param projectCompletionDetail per collection ({@code cases}, {@code case_tasks})
 * @param activeThreats correlated groups of open alerts
 * @param activeThreatGroups the 10 most severe groups
 * @param systemHealth store, engine, webhooks and agents
 * @param generatedAt when it was computed
 */
public record DashboardMetrics(
    int securityScore,
    Map<String, Long> securityScorePenalties,
    @JsonProperty("total_events_24h") long totalEvents24h,
    long criticalAlerts,
    Map<String, Long> openAlerts,
    long openVulnerabilities,
    VulnerabilityCounts vulnerabilities,
    Map<String, ComplianceFramework> complianceStatus,
    double projectCompletion,
    Map<String, CompletionCount> projectCompletionDetail,
    int activeThreats,
    List<ThreatGroup> activeThreatGroups,
    SystemHealthView systemHealth,
    Instant generatedAt) {

  /**
   * The parts of {@code open_vulnerabilities}.
   *
   * @param scanFindings findings of each host's latest completed scan
   * @param taggedAlerts open alerts tagged {@code vulnerability}, {@code cve:*} or {@code cve-*}
   */
  public record VulnerabilityCounts(long scanFindings, long taggedAlerts) {}

  /**
   * One framework of {@code compliance_status}: a compliance framework has {@code status}, {@code
   * policies} and {@code open_alerts}; {@code mitre_attack} has the coverage fields instead.
   *
   * @param name display name
   * @param status {@code compliant}, {@code at_risk} or {@code not_monitored}
   * @param policies enabled policies tagged for the framework
   * @param openAlerts their open alerts
   * @param tacticsCovered ATT&CK only: tactics named by enabled policies' tags
   * @param tacticsTotal ATT&CK only: enterprise tactics (14)
   * @param coveragePercent ATT&CK only: covered share, one decimal
   * @param tactics ATT&CK only: the covered tactics
   * @param tacticsMissing ATT&CK only: the others
   * @param techniquesCovered ATT&CK only: distinct techniques named
   */
  public record ComplianceFramework(
      String name,
      String status,
      Integer policies,
      Long openAlerts,
      Integer tacticsCovered,
      Integer tacticsTotal,
      Double coveragePercent,
      List<String> tactics,
      List<String> tacticsMissing,
      Integer techniquesCovered) {

    static ComplianceFramework framework(String name, String status, int policies, long open) {
      return new ComplianceFramework(
          name, status, policies, open, null, null, null, null, null, null);
    }
  }

  /**
   * Cases or case tasks done.
   *
   * @param done with status {@code completed}, {@code closed} or {@code done}
   * @param total all of the tenant's
   */
  public record CompletionCount(long done, long total) {}

  /**
   * A correlated group of open alerts.
   *
   * @param key what groups them (case, correlation id, host and policy, or group key)
   * @param title the first alert's title
   * @param severity the highest severity
   * @param hostId host, when the group has one
   * @param policyId policy, when the group has one
   * @param policyName its name
   * @param alerts alerts in the group
   * @param alertIds the first 10 of them
   * @param lastSeen latest activity
   */
  public record ThreatGroup(
      String key,
      String title,
      String severity,
      String hostId,
      String policyId,
      String policyName,
      int alerts,
      List<String> alertIds,
      Instant lastSeen) {}

  /**
   * {@code system_health}.
   *
   * @param status {@code healthy}, {@code degraded} or {@code unhealthy}
   * @param store the store
   * @param engine the tenant's detection engine
   * @param webhooks the tenant's webhook outbox
   * @param agents the tenant's agents
   * @param checkedAt when it was checked
   */
  public record SystemHealthView(
      String status,
      StoreHealth store,
      EngineHealth engine,
      WebhookHealth webhooks,
      AgentHealth agents,
      Instant checkedAt) {}

  /**
   * The store.
   *
   * @param status {@code healthy} or {@code unhealthy}
   */
  public record StoreHealth(String status) {}

  /**
   * The tenant's detection engine: the last policy-set reload.
   *
   * @param status e.g. {@code applied}, {@code rejected}, {@code cleared}
   * @param generation policy-set generation
   * @param policies policies loaded
   * @param errors why the last reload was rejected
   */
  public record EngineHealth(String status, long generation, int policies, List<String> errors) {}

  /**
   * The tenant's webhook outbox.
   *
   * @param status {@code healthy} or {@code degraded}
   * @param outboxBacklog pending deliveries
   * @param deadDeliveries deliveries given up
   */
  public record WebhookHealth(String status, long outboxBacklog, long deadDeliveries) {}

  /**
   * The tenant's agents.
   *
   * @param status {@code healthy}, or {@code degraded} when some known host has no agent online
   * @param online agents that polled within the window
   * @param knownHosts hosts that submitted inventory
   * @param onlineWindowSeconds the window
   */
  public record AgentHealth(
      String status, long online, long knownHosts, long onlineWindowSeconds) {}
}
