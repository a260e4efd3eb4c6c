package io.tocsin.api.scan;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /security/scan}: analysts ask a known host's agent to scan itself (202 with the scan
 * id); {@code GET /security/scan/{id}}: anyone in the tenant reads its status and results.
 */
@RestController
@RequestMapping("/api/v1/security/scan")
class ScanController {

  /**
   * Body of {@code POST /security/scan}.
   *
   * @param target host id, hostname or IP address of a host in the tenant's inventory
   * @param scanType a check or preset name ({@code full}, {@code quick}, {@code vulnerability},
   *     {@code network}), or a list of them
   * @param checks {@code services}, {@code tls}, {@code packages}
   */
  record ScanRequest(String target, Object scanType, List<String> checks) {}

  private final ScanService scans;

  ScanController(ScanService scans) {
    this.scans = scans;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> request(CurrentPrincipal principal, @RequestBody ScanRequest body) {
    if (body == null) {
      throw ScanChecks.invalid("target", "is required");
    }
    List<String> checks = ScanChecks.of(body.scanType(), body.checks());
    return scans.request(principal, body.target(), checks).view();
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> get(CurrentPrincipal principal, @PathVariable String id) {
    return scans.get(principal.tenantId(), id).view();
  }
}
