package io.tocsin.api.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.policy.PackViews.PackDetail;
import io.tocsin.api.policy.PackViews.PackDisableReport;
import io.tocsin.api.policy.PackViews.PackEnableReport;
import io.tocsin.api.policy.PackViews.PackList;
import io.tocsin.api.policy.PackViews.PackUpdateReport;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/packs}: the tenant's view of the policy packs, enable, disable, update. */
@RestController
@RequestMapping("/api/v1/packs")
@Tag(name = "Packs", description = "Built-in policy packs: install, enable, disable, update")
class PackController {

  private final PackService packs;
  private final PackUpdater updater;

  PackController(PackService packs, PackUpdater updater) {
    this.packs = packs;
    this.updater = updater;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the packs the server offers, with their state in the tenant")
  PackList listPacks(CurrentPrincipal principal) {
    return packs.list(principal.tenantId());
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get a pack and the state of each of its policies")
  PackDetail getPack(CurrentPrincipal principal, @PathVariable String id) {
    return packs.get(principal.tenantId(), id);
  }

  @PostMapping("/{id}/enable")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(
      summary = "Enable a pack, installing it the first time",
      description = "Enabling again turns back on exactly the policies disabling turned off.")
  @ApiResponse(
      responseCode = "200",
      description = "What was installed or turned back on, and the pack's state")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: a pack policy was changed concurrently; nothing was written")
  PackEnableReport enablePack(CurrentPrincipal principal, @PathVariable String id) {
    return packs.enable(principal.tenantId(), id, principal.username());
  }

  @PostMapping("/{id}/disable")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(summary = "Disable a pack's enabled policies")
  @ApiResponse(responseCode = "200", description = "The policies turned off, and the pack's state")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: a pack policy was changed concurrently; nothing was written")
  PackDisableReport disablePack(CurrentPrincipal principal, @PathVariable String id) {
    return packs.disable(principal.tenantId(), id, principal.username());
  }

  @PostMapping("/{id}/update")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(
      summary = "Update an installed pack to the offered version",
      description =
          "Keeps the tenant's tuning and edits; dry_run answers the same report without writing.")
  @ApiResponse(
      responseCode = "200",
      description = "What the update did (or would do) to each pack policy")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: a pack policy was changed concurrently; nothing was written")
  PackUpdateReport updatePack(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
    return updater.update(principal.tenantId(), id, dryRun, principal.username());
  }
}
