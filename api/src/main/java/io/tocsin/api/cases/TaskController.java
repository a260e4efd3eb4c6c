package io.tocsin.api.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.cases.CaseBodies.TaskPage;
import io.tocsin.api.cases.CaseBodies.TaskView;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
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
@Tag(name = "Tasks", description = "The tasks of projects, which move their progress")
class TaskController {

  private final TaskService tasks;

  TaskController(TaskService tasks) {
    this.tasks = tasks;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Add a task to a project")
  @ApiResponse(responseCode = "404", description = "NOT_FOUND: no project project_id in the tenant")
  TaskView createTask(CurrentPrincipal principal, @RequestBody CaseRequests.Task body) {
    return tasks.create(principal, body);
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List tasks, oldest first")
  @ApiResponse(responseCode = "200", description = "OK")
  @ApiResponse(responseCode = "404", description = "NOT_FOUND: no project project_id in the tenant")
  TaskPage listTasks(
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
  @Operation(summary = "Read a task")
  TaskView getTask(CurrentPrincipal principal, @PathVariable String id) {
    return tasks.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Update a task; absent fields are left alone")
  TaskView updateTask(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Task body) {
    return tasks.update(principal, id, body);
  }

  @PatchMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Update some fields of a task")
  TaskView patchTask(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Task body) {
    return updateTask(principal, id, body);
  }
}
