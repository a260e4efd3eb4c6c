package io.tocsin.api.inventory;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.ListResponse;
import io.tocsin.api.web.Paging;
import java.util.List;
import java.util.Map;
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
class ProcessController {

  static final int TOP_DEFAULT = 10;

  private final ProcessQueryService processes;

  ProcessController(ProcessQueryService processes) {
    this.processes = processes;
  }

  @GetMapping({"", "/"})
  @PreAuthorize(Authz.VIEWER)
  DrfPage list(
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
    return processes.list(
        principal.tenantId(), query, Paging.of(limit, offset, ListResponse.DEFAULT_LIMIT));
  }

  /** The seed's search: filters in a JSON body, paging in the query string; same page shape. */
  @PostMapping({"/search", "/search/"})
  @PreAuthorize(Authz.VIEWER)
  DrfPage search(
      CurrentPrincipal principal,
      @RequestBody(required = false) Object body,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return processes.list(
        principal.tenantId(),
        ProcessQuery.fromBody(body),
        Paging.of(limit, offset, ListResponse.DEFAULT_LIMIT));
  }

  @GetMapping({"/top-cpu", "/top-cpu/"})
  @PreAuthorize(Authz.VIEWER)
  List<Map<String, Object>> topCpu(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    return top(principal, hostId, hostname, limit, "cpu_percent");
  }

  @GetMapping({"/top-memory", "/top-memory/"})
  @PreAuthorize(Authz.VIEWER)
  List<Map<String, Object>> topMemory(
      CurrentPrincipal principal,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String hostname,
      @RequestParam(required = false) Integer limit) {
    return top(principal, hostId, hostname, limit, "memory_rss");
  }

  private List<Map<String, Object>> top(
      CurrentPrincipal principal, String hostId, String hostname, Integer limit, String field) {
    Paging paging = Paging.of(limit, 0L, TOP_DEFAULT);
    return processes.top(
        principal.tenantId(), HostFilter.of(hostId, hostname), field, paging.limit());
  }
}
