package io.tocsin.api.cases;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tasks}: the tasks of cases, in the CyberPulse task shape. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

  private final TaskService tasks;

  TaskController(TaskService tasks) {
    this.tasks = tasks;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> create(CurrentPrincipal principal, @RequestBody CaseRequests.Task body) {
    return tasks.create(principal, body);
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> list(
      CurrentPrincipal principal,
      @RequestParam(name = "project_id", required = false) String projectId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset,
      @RequestParam(required = false) Long skip) {
    return tasks.list(
        principal.tenantId(),
        projectId,
        status,
        assignee,
        Paging.of(limit, offset != null ? offset : skip));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> get(CurrentPrincipal principal, @PathVariable String id) {
    return tasks.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> put(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Task body) {
    return tasks.update(principal, id, body);
  }

  @PatchMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> patch(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Task body) {
    return tasks.update(principal, id, body);
  }
}
