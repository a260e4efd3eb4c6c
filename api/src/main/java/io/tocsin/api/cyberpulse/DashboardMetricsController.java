package io.tocsin.api.cyberpulse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard/metrics}: the CyberPulse dashboard, for any role of the tenant. */
@RestController
@Tag(name = "Dashboard", description = "The CyberPulse dashboard's figures for the tenant")
class DashboardMetricsController {

  private final DashboardMetricsService metrics;

  DashboardMetricsController(DashboardMetricsService metrics) {
    this.metrics = metrics;
  }

  @GetMapping("/api/v1/dashboard/metrics")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Read the dashboard: score, open alerts, compliance, threats, health")
  DashboardMetrics getDashboardMetrics(CurrentPrincipal principal) {
    return metrics.metrics(principal.tenantId());
  }
}
