package io.tocsin.api.tenant;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.ListResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
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
class TenantController {

  private final TenantService tenants;

  TenantController(TenantService tenants) {
    this.tenants = tenants;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> list(CurrentPrincipal principal) {
    List<Tenant> visible = tenants.visibleTo(principal);
    return ListResponse.of("tenants", visible, visible.size(), visible.size(), 0);
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  Tenant get(CurrentPrincipal principal, @PathVariable String id) {
    return tenants.get(principal, id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  Tenant create(CurrentPrincipal principal, @Valid @RequestBody CreateTenantRequest request) {
    return tenants.create(principal, request);
  }
}
