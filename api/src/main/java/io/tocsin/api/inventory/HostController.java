package io.tocsin.api.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.inventory.InventoryResponses.DevicePage;
import io.tocsin.api.inventory.InventoryResponses.HostView;
import io.tocsin.api.inventory.InventoryResponses.InventoryStatus;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hosts of the caller's tenant: the seed's summary and detail, OpenFrame devices, and status. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Hosts", description = "Hosts that submitted inventory, as hosts and as devices")
class HostController {

  static final String TOTAL_HEADER = "X-Total-Count";

  private final InventoryQueryService inventory;

  HostController(InventoryQueryService inventory) {
    this.inventory = inventory;
  }

  /** The seed's bare array of hosts (most recently seen first); the total is in X-Total-Count. */
  @GetMapping({"/hosts/summary", "/hosts/summary/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List hosts, most recently seen first (total in X-Total-Count)")
  @ApiResponse(
      responseCode = "200",
      description = "A bare array of hosts",
      headers =
          @Header(
              name = TOTAL_HEADER,
              description = "Hosts matching",
              schema = @Schema(type = "integer")))
  ResponseEntity<List<HostView>> listHostSummaries(
      CurrentPrincipal principal,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String active,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    Paging paging = Paging.of(limit, offset);
    HostFilter filter =
        new HostFilter(
            null,
            HostFilter.blankToNull(hostname),
            HostFilter.blankToNull(platform),
            HostFilter.bool("active", active));
    InventoryQueryService.HostPage page =
        inventory.hosts(principal.tenantId(), filter, paging.limit(), paging.offset());
    return ResponseEntity.ok().header(TOTAL_HEADER, Long.toString(page.total())).body(page.hosts());
  }

  @GetMapping({"/hosts/{id}", "/hosts/{id}/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get a host with its latest snapshot's totals")
  HostView getHost(CurrentPrincipal principal, @PathVariable String id) {
    return inventory.host(principal.tenantId(), id);
  }

  /** The OpenFrame seed's device list over the same hosts; {@code status=online|offline}. */
  @GetMapping({"/devices", "/devices/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List hosts as OpenFrame devices (page, per_page)")
  DevicePage listDevices(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer page,
      @RequestParam(name = "per_page", required = false) Integer perPage,
      @RequestParam(required = false) String status) {
    int p = page == null ? 1 : page;
    int size = perPage == null ? 10 : perPage;
    if (p < 1) {
      throw ApiException.badRequest("[page] must be at least 1");
    }
    if (size < 1 || size > Paging.MAX_LIMIT) {
      throw ApiException.badRequest("[per_page] must be between 1 and " + Paging.MAX_LIMIT);
    }
    return inventory.devices(principal.tenantId(), p, size, online(status));
  }

  @GetMapping({"/status", "/status/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Count the tenant's hosts, snapshots and processes")
  InventoryStatus getInventoryStatus(CurrentPrincipal principal) {
    return inventory.status(principal.tenantId());
  }

  private static Boolean online(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    return switch (status.trim().toLowerCase(Locale.ROOT)) {
      case "online", "active" -> true;
      case "offline", "inactive" -> false;
      default -> throw ApiException.badRequest("[status] must be online or offline");
    };
  }
}
