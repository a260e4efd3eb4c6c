package io.tocsin.api.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.policy.PolicySetViews.PolicySetPlan;
import io.tocsin.api.policy.PolicySetViews.PolicySetRequest;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/policies/apply}: apply a whole policy set atomically ({@code tocsin push});
 * with {@code dry_run=true}, the plan only ({@code tocsin diff}).
 */
@RestController
@Tag(name = "Policies", description = "Detection policies: write, validate, backtest, history")
class PolicySetController {

  private final PolicySetService sets;

  PolicySetController(PolicySetService sets) {
    this.sets = sets;
  }

  @PostMapping("/api/v1/policies/apply")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(
      summary = "Apply a whole policy set at once",
      description =
          "Creates or replaces every policy of the set (and with prune deletes the others),"
              + " validated as one before anything is written; dry_run answers the plan only.")
  @ApiResponse(responseCode = "200", description = "The plan, applied unless dry_run")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: a policy was changed concurrently; nothing was applied")
  PolicySetPlan applyPolicySet(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = PolicySetRequest.class)))
          @RequestBody
          Map<String, Object> body,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
    return sets.apply(principal.tenantId(), body, dryRun, principal.username());
  }
}
