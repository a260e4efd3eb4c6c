package io.tocsin.api.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The response bodies of {@code /api/v1/analytics/dashboard} and {@code /analytics/risk}. */
final class AnalyticsBodies {

  private AnalyticsBodies() {}

  /**
   * {@code GET /analytics/dashboard}.
   *
   * @param timeRange the window asked for: {@code 1h}, {@code 24h}, {@code 7d} or {@code 30d}
   * @param groupBy the bucket size of the series: {@code hour}, {@code day} or {@code week}
   * @param startTime start of the window
   * @param endTime end of the window (now)
   * @param summary totals over the window
   * @param charts the series and breakdowns
   * @param topPolicies the policies that raised most alerts in the window
   * @param topHosts the hosts with most alerts in the window
   */
  record Dashboard(
      String timeRange,
      String groupBy,
      Instant startTime,
      Instant endTime,
      DashboardSummary summary,
      DashboardCharts charts,
      List<TopPolicy> topPolicies,
      List<TopHost> topHosts) {}

  /**
   * Totals of the dashboard.
   *
   * @param totalEvents events in the window
   * @param totalAlerts alerts raised in the window
   * @param activeAlerts open or acknowledged alerts, whenever raised
   * @param riskScoreAvg mean risk score of the active alerts, one decimal
   * @param agentsOnline agents heard from in the last five minutes
   */
  record DashboardSummary(
      long totalEvents,
      long totalAlerts,
      long activeAlerts,
      double riskScoreAvg,
      long agentsOnline) {}

  /**
   * Charts of the dashboard.
   *
   * @param eventsOverTime events per bucket, zero-filled
   * @param alertsOverTime alerts per bucket, zero-filled
   * @param alertsBySeverity alerts of the window per severity (every severity, 0 when none)
   * @param alertsByStatus alerts of the window per status (every status, 0 when none)
   */
  record DashboardCharts(
      List<TimeBucket> eventsOverTime,
      List<TimeBucket> alertsOverTime,
      Map<String, Long> alertsBySeverity,
      Map<String, Long> alertsByStatus) {}

  /**
   * One point of a series.
   *
   * @param timestamp start of the bucket
   * @param count items in it
   */
  record TimeBucket(Instant timestamp, long count) {}

  /**
   * A policy among the top ones.
   *
   * @param policyId policy id
   * @param policyName its name when the alerts were raised
   * @param count alerts it raised in the window
   */
  record TopPolicy(String policyId, String policyName, long count) {}

  /**
   * A host among the top ones.
   *
   * @param hostId host id
   * @param count alerts about it in the window
   * @param maxRiskScore the highest risk score among them
   */
  record TopHost(String hostId, long count, long maxRiskScore) {}

  /**
   * {@code GET /analytics/risk}.
   *
   * @param userRiskScores users by risk, highest first
   * @param entityRiskScores hosts by risk, highest first
   * @param calculatedAt when it was computed
   */
  record RiskScores(
      List<UserRisk> userRiskScores, List<EntityRisk> entityRiskScores, Instant calculatedAt) {}

  /**
   * A user's risk from their active alerts.
   *
   * @param userId user id as the events name it
   * @param riskScore combined score 0..100, one decimal
   * @param maxAlertRiskScore the highest risk score among the alerts
   * @param alertCount active alerts about the user
   * @param factors names of the policies (or titles) of the riskiest alerts, at most five
   */
  record UserRisk(
      String userId, double riskScore, long maxAlertRiskScore, int alertCount, List<String> factors)
      implements Risk {

    @Override
    public String id() {
      return userId;
    }
  }

  /**
   * A host's risk from its active alerts.
   *
   * @param entityId host id
   * @param entityType always {@code host}
   * @param riskScore combined score 0..100, one decimal
   * @param maxAlertRiskScore the highest risk score among the alerts
   * @param alertCount active alerts about the host
   * @param factors names of the policies (or titles) of the riskiest alerts, at most five
   */
  record EntityRisk(
      String entityId,
      @Schema(description = "Always host") String entityType,
      double riskScore,
      long maxAlertRiskScore,
      int alertCount,
      List<String> factors)
      implements Risk {

    @Override
    public String id() {
      return entityId;
    }
  }

  /** What the risk ranking sorts by. */
  interface Risk {

    String id();

    double riskScore();
  }
}
