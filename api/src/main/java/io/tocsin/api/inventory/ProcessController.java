package io.tocsin.api.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.inventory.InventoryRequests.ProcessSearch;
import io.tocsin.api.inventory.InventoryResponses.ProcessBrief;
import io.tocsin.api.inventory.InventoryResponses.ProcessView;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Processes of the caller's tenant: filtered pages, search, and the top lists. */
@RestController
@RequestMapping("/api/v1/processes")
@Tag(
    name = "Processes",
    description = "Processes of the hosts' snapshots: pages, search, top lists")
class ProcessController {

  static final int TOP_DEFAULT = 10;

  private final ProcessQueryService processes;

  ProcessController(ProcessQueryService processes) {
    this.processes = processes;
  }

  @GetMapping({"", "/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List processes of the latest (or one) snapshot, filtered and ordered")
  DrfPage<ProcessView> listProcesses(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(name = "snapshot_id", required = false) String snapshotId,
      @RequestParam(required = false) String snapshot,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long pid,
      @RequestParam(required = false) Long ppid,
      @RequestParam(name = "min_cpu", required = false) Double minCpu,
      @RequestParam(name = "max_cpu", required = false) Double maxCpu,
      @RequestParam(name = "min_memory", required = false) Long minMemory,
      @RequestParam(name = "max_memory", required = false) Long maxMemory,
      @RequestParam(required = false) String ordering,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    ProcessQuery query =
        new ProcessQuery(
                hostId,
                hostname,
                snapshotId != null ? snapshotId : snapshot,
                name,
                username,
                status,
                pid,
                ppid,
                minCpu,
                maxCpu,
                minMemory,
                maxMemory,
                ordering)
            .normalized();
    return processes.list(principal.tenantId(), query, Paging.of(limit, offset));
  }

  /** The seed's search: filters in a JSON body, paging in the query string; same page shape. */
  @PostMapping({"/search", "/search/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Search processes with filters in a JSON body")
  DrfPage<ProcessView> searchProcesses(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ProcessSearch.class)))
          @RequestBody(required = false)
          Object body,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return processes.list(
        principal.tenantId(), ProcessQuery.fromBody(body), Paging.of(limit, offset));
  }

  @GetMapping({"/top-cpu", "/top-cpu/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the processes using the most CPU now")
  List<ProcessBrief> listTopCpuProcesses(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    return top(principal, hostId, hostname, limit, "cpu_percent");
  }

  @GetMapping({"/top-memory", "/top-memory/"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the processes using the most memory now")
  List<ProcessBrief> listTopMemoryProcesses(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    return top(principal, hostId, hostname, limit, "memory_rss");
  }

  private List<ProcessBrief> top(
      CurrentPrincipal principal, String hostId, String hostname, Integer limit, String field) {
    Paging paging = Paging.of(limit, 0L, TOP_DEFAULT);
    return processes.top(
        principal.tenantId(), HostFilter.of(hostId, hostname), field, paging.limit());
  }
}
