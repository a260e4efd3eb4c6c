package io.tocsin.api.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.inventory.InventoryResponses.ProcessTreeNode;
import io.tocsin.api.inventory.InventoryResponses.SnapshotDetail;
import io.tocsin.api.inventory.InventoryResponses.SnapshotView;
import io.tocsin.api.inventory.InventoryResponses.SystemMetricsView;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Snapshots, process trees and system metrics of the caller's tenant. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Snapshots", description = "Host snapshots, process trees and system metrics")
class SnapshotController {

  private final InventoryQueryService inventory;

  SnapshotController(InventoryQueryService inventory) {
    this.inventory = inventory;
  }

  /** The latest snapshot of each host (or of {@code host_id} / {@code hostname}). */
  @GetMapping({"/snapshots/latest", "/snapshots/latest/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the latest snapshot of each host")
  List<SnapshotView> listLatestSnapshots(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    Paging paging = Paging.of(limit, 0L);
    return inventory.latestSnapshots(
        principal.tenantId(), HostFilter.of(hostId, hostname), paging.limit());
  }

  @GetMapping({"/snapshots/{id}", "/snapshots/{id}/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get a snapshot with its processes and system metrics")
  SnapshotDetail getSnapshot(CurrentPrincipal principal, @PathVariable String id) {
    return inventory.snapshot(principal.tenantId(), id);
  }

  @GetMapping({"/snapshots/{id}/tree", "/snapshots/{id}/tree/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get a snapshot's process tree")
  List<ProcessTreeNode> getSnapshotTree(CurrentPrincipal principal, @PathVariable String id) {
    return inventory.tree(principal.tenantId(), id);
  }

  @GetMapping({"/system-metrics/latest", "/system-metrics/latest/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the latest system metrics of each host")
  List<SystemMetricsView> listLatestSystemMetrics(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    Paging paging = Paging.of(limit, 0L);
    return inventory.latestMetrics(
        principal.tenantId(), HostFilter.of(hostId, hostname), paging.limit());
  }
}
