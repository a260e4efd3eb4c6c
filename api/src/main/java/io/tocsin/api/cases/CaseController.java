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

/** {@code /api/v1/projects}: cases in the CyberPulse project shape. */
@RestController
@RequestMapping("/api/v1/projects")
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
  Map<String, Object> create(CurrentPrincipal principal, @RequestBody CaseRequests.Project body) {
    return cases.create(principal, body);
  }

  /** {@code skip} is the CyberPulse client's name for {@code offset}. */
  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> list(
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
  Map<String, Object> get(CurrentPrincipal principal, @PathVariable String id) {
    return cases.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> put(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Project body) {
    return cases.update(principal, id, body);
  }

  @PatchMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> patch(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Project body) {
    return cases.update(principal, id, body);
  }

  /** Merges alerts into the case. */
  @PostMapping("/{id}/alerts")
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> attach(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestBody CaseRequests.AttachAlerts body) {
    return activity.attach(principal, id, body);
  }

  @PostMapping("/{id}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ANALYST)
  Map<String, Object> comment(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody CaseRequests.Comment body) {
    return activity.comment(principal, id, body);
  }
}
