package io.tocsin.api.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/analytics}: the dashboard and the risk view, for any role. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Dashboard counts and series, host and user risk")
class AnalyticsController {

  private static final Map<String, Duration> RANGES =
      Map.of(
          "1h", Duration.ofHours(1),
          "24h", Duration.ofHours(24),
          "7d", Duration.ofDays(7),
          "30d", Duration.ofDays(30));

  private final DashboardService dashboard;
  private final RiskService risk;

  AnalyticsController(DashboardService dashboard, RiskService risk) {
    this.dashboard = dashboard;
    this.risk = risk;
  }

  @GetMapping("/dashboard")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Alert and event counts, series and top lists over a time window")
  AnalyticsBodies.Dashboard getDashboard(
      CurrentPrincipal principal,
      @RequestParam(name = "time_range", defaultValue = "24h") String timeRange,
      @RequestParam(name = "group_by", required = false) String groupBy) {
    Duration window = RANGES.get(timeRange);
    if (window == null) {
      throw invalid("time_range", "must be one of 1h, 24h, 7d, 30d");
    }
    Buckets buckets;
    if (groupBy == null) {
      buckets = window.compareTo(Duration.ofHours(24)) <= 0 ? Buckets.HOUR : Buckets.DAY;
    } else {
      buckets = Buckets.parse(groupBy);
      if (buckets == null) {
        throw invalid("group_by", "must be one of hour, day, week");
      }
    }
    return dashboard.dashboard(principal.tenantId(), timeRange, window, buckets);
  }

  @GetMapping("/risk")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Risk scores of hosts and users from their active alerts")
  AnalyticsBodies.RiskScores getRiskScores(
      CurrentPrincipal principal, @RequestParam(required = false) Integer limit) {
    if (limit != null && (limit < 1 || limit > Paging.MAX_LIMIT)) {
      throw invalid("limit", "must be between 1 and " + Paging.MAX_LIMIT);
    }
    return risk.risk(principal.tenantId(), Paging.clampedLimit(limit));
  }

  private static ApiException invalid(String field, String reason) {
    return ApiException.badRequest(field + " " + reason, Map.of("field", field, "reason", reason));
  }
}
