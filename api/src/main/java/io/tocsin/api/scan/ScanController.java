package io.tocsin.api.scan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.List;
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
@Tag(name = "Scans", description = "Ask a known host's agent to scan itself, follow the scan")
class ScanController {

  /**
   * Body of {@code POST /security/scan}.
   *
   * @param target host id, hostname or IP address of a host in the tenant's inventory
   * @param scanType a check or preset name ({@code full}, {@code quick}, {@code vulnerability},
   *     {@code network}), or a list of them
   * @param checks {@code services}, {@code tls}, {@code packages}
   */
  record ScanRequest(
      String target,
      // documented as the list; one bare string is accepted too (Java SDK generators
      // cannot express a string-or-array alternative)
      @ArraySchema(
              schema = @Schema(type = "string"),
              arraySchema =
                  @Schema(
                      description =
                          "A check or preset name (full, quick, vulnerability, network, services, tls,"
                              + " packages), or a list of them"))
          Object scanType,
      List<String> checks) {}

  private final ScanService scans;

  ScanController(ScanService scans) {
    this.scans = scans;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Queue a scan of a known host by its own agent")
  @ApiResponse(
      responseCode = "404",
      description = "NOT_FOUND: target is not a known host of the tenant (details.field = target)")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: the host already has 3 scans waiting (queued or sent)")
  ScanView requestScan(CurrentPrincipal principal, @RequestBody ScanRequest body) {
    if (body == null) {
      throw ScanChecks.invalid("target", "is required");
    }
    List<String> checks = ScanChecks.of(body.scanType(), body.checks());
    return scans.request(principal, body.target(), checks).view();
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Read a scan's status, results and findings")
  ScanView getScan(CurrentPrincipal principal, @PathVariable String id) {
    return scans.get(principal.tenantId(), id).view();
  }
}
