package io.tocsin.api.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.detection.ReloadOutcome;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.policy.BacktestViews.BacktestReport;
import io.tocsin.api.policy.BacktestViews.BacktestRequest;
import io.tocsin.api.policy.PolicyViews.PolicyPage;
import io.tocsin.api.policy.PolicyViews.PolicyValidation;
import io.tocsin.api.policy.PolicyViews.PolicyVersionPage;
import io.tocsin.api.policy.PolicyViews.PolicyVersionView;
import io.tocsin.api.policy.PolicyViews.PolicyView;
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

/**
 * {@code /api/v1/policies}: CRUD, enable/disable, versions, validate, backtest. Policy bodies are
 * read raw by the strict {@link io.tocsin.engine.format.PolicyDocument} reader (problems with their
 * path); {@link PolicySource} documents them.
 */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "Policies", description = "Detection policies: write, validate, backtest, history")
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
  @Operation(summary = "List the tenant's policies, by id")
  PolicyPage listPolicies(
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
  @Operation(
      summary = "Create a policy",
      description =
          "Validated with the tenant's other policies, lists and macros; live on success.")
  @ApiResponse(responseCode = "409", description = "CONFLICT: a policy with that id exists")
  PolicyView createPolicy(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = PolicySource.class)))
          @RequestBody
          Map<String, Object> body) {
    return policies.create(principal.tenantId(), body, principal.username());
  }

  @PostMapping("/validate")
  @PreAuthorize(Authz.VIEWER)
  @Operation(
      summary = "Validate a policy without saving it",
      description = "Answers the canonical form and warnings; an invalid body is a 400.")
  @ApiResponse(
      responseCode = "200",
      description = "The policy is valid: its canonical form and warnings")
  @ApiResponse(
      responseCode = "408",
      description = "QUERY_BUDGET_EXCEEDED: checking ran out of its time budget")
  WebAsyncTask<PolicyValidation> validatePolicy(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = PolicySource.class)))
          @RequestBody
          Map<String, Object> body) {
    return guard.cancellable(() -> policies.check(principal.tenantId(), body));
  }

  @PostMapping("/backtest")
  @PreAuthorize(Authz.ANALYST)
  @Operation(
      summary = "Backtest a policy over stored events",
      description =
          "The body is {policy, start_time, end_time, limit}, or a bare policy with the range in"
              + " the query. Nothing is stored.")
  @ApiResponse(responseCode = "200", description = "The alerts the policy would have raised")
  @ApiResponse(
      responseCode = "408",
      description = "QUERY_BUDGET_EXCEEDED: the backtest ran out of its time budget")
  WebAsyncTask<BacktestReport> backtestPolicy(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(schema = @Schema(oneOf = {BacktestRequest.class, PolicySource.class})))
          @RequestBody
          Map<String, Object> body,
      @RequestParam(name = "start_time", required = false) String startTime,
      @RequestParam(name = "end_time", required = false) String endTime,
      @RequestParam(required = false) Integer limit) {
    return guard.cancellable(
        () -> backtests.run(principal.tenantId(), body, startTime, endTime, limit));
  }

  @GetMapping("/engine")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get what the last reload of the tenant's engine did")
  ReloadOutcome getPolicyEngine(CurrentPrincipal principal) {
    return engines.status(principal.tenantId());
  }

  /** The JSON Schema of the policy document, for editors and CI (the same for every tenant). */
  @GetMapping(
      value = "/schema",
      produces = {"application/schema+json", "application/json"})
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get the JSON Schema of the policy document")
  @ApiResponse(
      responseCode = "200",
      description = "A JSON Schema (draft 2020-12) as text, to hand to a schema validator")
  String getPolicySchema() {
    return PolicySchema.json();
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get a policy")
  PolicyView getPolicy(CurrentPrincipal principal, @PathVariable String id) {
    return policies.get(principal.tenantId(), id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(
      summary = "Replace or partly update a policy",
      description =
          "A body with name replaces the policy (keeping enabled when absent); one without is"
              + " merged into it. Either way the result is validated as a whole.")
  @ApiResponse(responseCode = "200", description = "The policy as stored")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: the policy was changed concurrently; reload it and retry")
  PolicyView updatePolicy(
      CurrentPrincipal principal,
      @PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = PolicySource.class)))
          @RequestBody
          Map<String, Object> body) {
    return policies.update(principal.tenantId(), id, body, principal.username());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ENGINEER)
  @Operation(summary = "Delete a policy (its history stays)")
  void deletePolicy(CurrentPrincipal principal, @PathVariable String id) {
    policies.delete(principal.tenantId(), id, principal.username());
  }

  @PostMapping("/{id}/enable")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(summary = "Enable a policy")
  @ApiResponse(responseCode = "200", description = "The policy as stored")
  @ApiResponse(responseCode = "409", description = "CONFLICT: the policy was changed concurrently")
  PolicyView enablePolicy(CurrentPrincipal principal, @PathVariable String id) {
    return policies.setEnabled(principal.tenantId(), id, true, principal.username());
  }

  @PostMapping("/{id}/disable")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(summary = "Disable a policy")
  @ApiResponse(responseCode = "200", description = "The policy as stored")
  @ApiResponse(responseCode = "409", description = "CONFLICT: the policy was changed concurrently")
  PolicyView disablePolicy(CurrentPrincipal principal, @PathVariable String id) {
    return policies.setEnabled(principal.tenantId(), id, false, principal.username());
  }

  @PostMapping("/{id}/backtest")
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Backtest a stored policy over stored events")
  @ApiResponse(responseCode = "200", description = "The alerts the policy would have raised")
  @ApiResponse(
      responseCode = "408",
      description = "QUERY_BUDGET_EXCEEDED: the backtest ran out of its time budget")
  WebAsyncTask<BacktestReport> backtestStoredPolicy(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestParam(name = "start_time", required = false) String startTime,
      @RequestParam(name = "end_time", required = false) String endTime,
      @RequestParam(required = false) Integer limit) {
    Map<String, Object> body = policies.source(principal.tenantId(), id);
    return guard.cancellable(
        () -> backtests.run(principal.tenantId(), body, startTime, endTime, limit));
  }

  @GetMapping("/{id}/versions")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List a policy's versions, newest first")
  PolicyVersionPage listPolicyVersions(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return history.list(principal.tenantId(), id, Paging.of(limit, offset));
  }

  @GetMapping("/{id}/versions/{version}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get one version of a policy, with its full document")
  PolicyVersionView getPolicyVersion(
      CurrentPrincipal principal, @PathVariable String id, @PathVariable int version) {
    return history.get(principal.tenantId(), id, version);
  }
}
