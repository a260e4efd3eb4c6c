package io.tocsin.api.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.detection.Problem;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Body and answer of the backtest endpoints. */
final class BacktestViews {

  private BacktestViews() {}

  /**
   * {@code POST /policies/backtest} with the range in the body (the query parameters are the
   * alternative, with a bare policy body). Documented only: {@link Backtests} reads the raw body.
   *
   * @param startTime ISO-8601, default 24 hours before {@code end_time}
   * @param endTime ISO-8601, default now
   * @param limit most events scanned (default 10,000, at most 100,000)
   */
  record BacktestRequest(PolicySource policy, String startTime, String endTime, Integer limit) {}

  /**
   * What the policy would have raised over the range. Nothing is stored.
   *
   * @param alertsTotal alerts raised, also beyond the first 1,000 returned
   * @param truncated the scan stopped at {@code limit} events
   * @param took milliseconds
   * @param warnings problems of the policy that do not stop it (an unused list, ...)
   */
  record BacktestReport(
      List<BacktestAlert> alerts,
      int alertsTotal,
      int eventsScanned,
      boolean truncated,
      Instant startTime,
      Instant endTime,
      long took,
      List<Problem> warnings) {}

  /**
   * An alert the backtest would have raised, with the events that triggered it.
   *
   * @param count events represented (threshold count, sequence steps, suppressed total)
   */
  record BacktestAlert(
      String id,
      String title,
      String policyId,
      String ruleId,
      String severity,
      String action,
      int riskScore,
      List<String> mitre,
      @Schema(description = "The group_by fields of the rule and their values for this alert")
          Map<String, Object> groupKey,
      String hostId,
      long count,
      String firstSeen,
      String lastSeen,
      String reason,
      List<String> eventIds,
      @Schema(description = "The triggering events, nested canonical form, oldest first")
          List<Map<String, Object>> events) {

    static BacktestAlert of(Detection d) {
      return new BacktestAlert(
          d.id(),
          d.policyName(),
          d.policyId(),
          d.ruleId(),
          d.severity().wireName(),
          d.action().wireName(),
          d.riskScore(),
          d.mitreTags(),
          d.groupKey(),
          d.events().isEmpty() ? null : d.events().get(0).hostId(),
          d.count(),
          String.valueOf(d.firstSeen()),
          String.valueOf(d.lastSeen()),
          d.reason(),
          d.events().stream().map(Event::id).toList(),
          nested(d));
    }

    /** The alert as an update of an open (suppressing) detection leaves it. */
    BacktestAlert updatedBy(Detection d) {
      return new BacktestAlert(
          id,
          title,
          policyId,
          ruleId,
          severity,
          action,
          riskScore,
          mitre,
          groupKey,
          hostId,
          d.count(),
          firstSeen,
          String.valueOf(d.lastSeen()),
          reason,
          eventIds,
          nested(d));
    }

    private static List<Map<String, Object>> nested(Detection d) {
      return d.events().stream().map(Event::toNested).toList();
    }
  }
}
