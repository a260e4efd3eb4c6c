package io.tocsin.api.tenant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.tenant.TenantViews.CreatedTenant;
import io.tocsin.api.tenant.TenantViews.TenantPage;
import io.tocsin.api.tenant.TenantViews.TenantView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants: everyone sees their own, the platform admin sees and creates all. */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Tenants", description = "Tenants: one's own, or all for the platform admin")
class TenantController {

  private final TenantService tenants;

  TenantController(TenantService tenants) {
    this.tenants = tenants;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the tenants the caller sees (all, for the platform admin)")
  TenantPage listTenants(CurrentPrincipal principal) {
    return TenantPage.of(tenants.visibleTo(principal).stream().map(TenantView::of).toList());
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "One tenant: the caller's own, or any for the platform admin")
  TenantView getTenant(CurrentPrincipal principal, @PathVariable String id) {
    return TenantView.of(tenants.get(principal, id));
  }

  /** 201 with the tenant; with {@code admin_email}, {@code admin} holds its one-time token. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Create a tenant, optionally with its first admin (platform admin only)")
  @ApiResponse(responseCode = "409", description = "CONFLICT: a tenant with this id exists")
  CreatedTenant createTenant(
      CurrentPrincipal principal, @Valid @RequestBody CreateTenantRequest request) {
    TenantService.Created created = tenants.create(principal, request);
    return new CreatedTenant(TenantView.of(created.tenant()), created.admin());
  }
}
