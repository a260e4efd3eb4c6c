package io.tocsin.api.policy;

import io.tocsin.api.detection.ReloadOutcome;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.query.QueryGuard;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import io.tocsin.engine.format.PolicySchema;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;

/** {@code /api/v1/policies}: CRUD, enable/disable, versions, validate, backtest. */
@RestController
@RequestMapping("/api/v1/policies")
class PolicyController {

  private final PolicyService policies;
  private final PolicyHistory history;
  private final Backtests backtests;
  private final TenantEngines engines;
  private final QueryGuard guard;

  PolicyController(
      PolicyService policies,
      PolicyHistory history,
      Backtests backtests,
      TenantEngines engines,
      QueryGuard guard) {
    this.policies = policies;
    this.history = history;
    this.backtests = backtests;
    this.engines = engines;
    this.guard = guard;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> list(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset,
      @RequestParam(required = false) Boolean enabled,
      @RequestParam(required = false) String tag) {
    return policies.list(principal.tenantId(), Paging.of(limit, offset), enabled, tag);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> create(CurrentPrincipal principal, @RequestBody Map<String, Object> body) {
    return policies.create(principal.tenantId(), body, principal.username());
  }

  @PostMapping("/validate")
  @PreAuthorize(Authz.VIEWER)
  WebAsyncTask<Map<String, Object>> validate(
      CurrentPrincipal principal, @RequestBody Map<String, Object> body) {
    return guard.cancellable(() -> policies.check(principal.tenantId(), body));
  }

  @PostMapping("/backtest")
  @PreAuthorize(Authz.ANALYST)
  WebAsyncTask<Map<String, Object>> backtest(
      CurrentPrincipal principal,
      @RequestBody Map<String, Object> body,
      @RequestParam(name = "start_time", required = false) String startTime,
      @RequestParam(name = "end_time", required = false) String endTime,
      @RequestParam(required = false) Integer limit) {
    return guard.cancellable(
        () -> backtests.run(principal.tenantId(), body, startTime, endTime, limit));
  }

  @GetMapping("/engine")
  @PreAuthorize(Authz.VIEWER)
  ReloadOutcome engine(CurrentPrincipal principal) {
    return engines.status(principal.tenantId());
  }

  /** The JSON Schema of the policy document, for editors and CI (the same for every tenant). */
  @GetMapping(
      value = "/schema",
      produces = {"application/schema+json", "application/json"})
  @PreAuthorize(Authz.VIEWER)
  String schema() {
    return PolicySchema.json();
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> get(CurrentPrincipal principal, @PathVariable String id) {
    return policies.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> update(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody Map<String, Object> body) {
    return policies.update(principal.tenantId(), id, body, principal.username());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ENGINEER)
  void delete(CurrentPrincipal principal, @PathVariable String id) {
    policies.delete(principal.tenantId(), id, principal.username());
  }

  @PostMapping("/{id}/enable")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> enable(CurrentPrincipal principal, @PathVariable String id) {
    return policies.setEnabled(principal.tenantId(), id, true, principal.username());
  }

  @PostMapping("/{id}/disable")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> disable(CurrentPrincipal principal, @PathVariable String id) {
    return policies.setEnabled(principal.tenantId(), id, false, principal.username());
  }

  @PostMapping("/{id}/backtest")
  @PreAuthorize(Authz.ANALYST)
  WebAsyncTask<Map<String, Object>> backtestStored(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestParam(name = "start_time", required = false) String startTime,
      @RequestParam(name = "end_time", required = false) String endTime,
      @RequestParam(required = false) Integer limit) {
    Map<String, Object> body = policies.get(principal.tenantId(), id);
    return guard.cancellable(
        () -> backtests.run(principal.tenantId(), body, startTime, endTime, limit));
  }

  @GetMapping("/{id}/versions")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> versions(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return history.list(principal.tenantId(), id, Paging.of(limit, offset));
  }

  @GetMapping("/{id}/versions/{version}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> version(
      CurrentPrincipal principal, @PathVariable String id, @PathVariable int version) {
    return history.get(principal.tenantId(), id, version);
  }
}
