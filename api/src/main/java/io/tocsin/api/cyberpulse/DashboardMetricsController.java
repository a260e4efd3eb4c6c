package io.tocsin.api.cyberpulse;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard/metrics}: the CyberPulse dashboard, for any role of the tenant. */
@RestController
class DashboardMetricsController {

  private final DashboardMetricsService metrics;

  DashboardMetricsController(DashboardMetricsService metrics) {
    this.metrics = metrics;
  }

  @GetMapping("/api/v1/dashboard/metrics")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> metrics(CurrentPrincipal principal) {
    return metrics.metrics(principal.tenantId());
  }
}
