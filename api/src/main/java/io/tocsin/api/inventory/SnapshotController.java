package io.tocsin.api.inventory;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.ListResponse;
import io.tocsin.api.web.Paging;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Snapshots, process trees and system metrics of the caller's tenant. */
@RestController
@RequestMapping("/api/v1")
class SnapshotController {

  private final InventoryQueryService inventory;

  SnapshotController(InventoryQueryService inventory) {
    this.inventory = inventory;
  }

  /** The latest snapshot of each host (or of {@code host_id} / {@code hostname}). */
  @GetMapping({"/snapshots/latest", "/snapshots/latest/"})
  @PreAuthorize(Authz.VIEWER)
  List<Map<String, Object>> latest(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    Paging paging = Paging.of(limit, 0L, ListResponse.DEFAULT_LIMIT);
    return inventory.latestSnapshots(
        principal.tenantId(), HostFilter.of(hostId, hostname), paging.limit());
  }

  @GetMapping({"/snapshots/{id}", "/snapshots/{id}/"})
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> snapshot(CurrentPrincipal principal, @PathVariable String id) {
    return inventory.snapshot(principal.tenantId(), id);
  }

  @GetMapping({"/snapshots/{id}/tree", "/snapshots/{id}/tree/"})
  @PreAuthorize(Authz.VIEWER)
  List<Map<String, Object>> tree(CurrentPrincipal principal, @PathVariable String id) {
    return inventory.tree(principal.tenantId(), id);
  }

  @GetMapping({"/system-metrics/latest", "/system-metrics/latest/"})
  @PreAuthorize(Authz.VIEWER)
  List<Map<String, Object>> metrics(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    Paging paging = Paging.of(limit, 0L, ListResponse.DEFAULT_LIMIT);
    return inventory.latestMetrics(
        principal.tenantId(), HostFilter.of(hostId, hostname), paging.limit());
  }
}
