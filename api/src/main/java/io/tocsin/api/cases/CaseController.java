package io.tocsin.api.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.cases.CaseBodies.ProjectComment;
import io.tocsin.api.cases.CaseBodies.ProjectDetail;
import io.tocsin.api.cases.CaseBodies.ProjectPage;
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

/** {@code /api/v1/projects}: cases in the CyberPulse project shape. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Cases (CyberPulse projects): alerts worked on together")
class CaseController {

  private final CaseService cases;
  private final CaseActivity activity;

  CaseController(CaseService cases, CaseActivity activity) {
    this.cases = cases;
    this.activity = activity;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Open a project, optionally with alerts")
  ProjectDetail createProject(CurrentPrincipal principal, @RequestBody CaseRequests.Project body) {
    return cases.create(principal, body);
  }

  /** {@code skip} is the CyberPulse client's name for {@code offset}. */
  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List projects, newest first")
  ProjectPage listProjects(
      CurrentPrincipal principal,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset,
      @RequestParam(required = false) Long skip) {
    return cases.list(
        principal.tenantId(), status, assignee, Paging.of(limit, offset != null ? offset : skip));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Read a project with its alerts, comments and audit trail")
  ProjectDetail getProject(CurrentPrincipal principal, @PathVariable String id) {
    return cases.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Update a project; absent fields are left alone")
  ProjectDetail updateProject(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Project body) {
    return cases.update(principal, id, body);
  }

  @PatchMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Update some fields of a project")
  ProjectDetail patchProject(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Project body) {
    return updateProject(principal, id, body);
  }

  /** Merges alerts into the case. */
  @PostMapping("/{id}/alerts")
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Merge alerts into a project")
  ProjectDetail attachProjectAlerts(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestBody CaseRequests.AttachAlerts body) {
    return activity.attach(principal, id, body);
  }

  @PostMapping("/{id}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Comment on a project")
  ProjectComment commentOnProject(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Comment body) {
    return activity.comment(principal, id, body);
  }
}
