package io.tocsin.api.tenant;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.ListResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
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
    List<Map<String, Object>> visible =
        tenants.visibleTo(principal).stream().map(TenantController::view).toList();
    return ListResponse.of("tenants", visible, visible.size(), visible.size(), 0);
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> get(CurrentPrincipal principal, @PathVariable String id) {
    return view(tenants.get(principal, id));
  }

  /** 201 with the tenant; with {@code admin_email}, {@code admin} holds its one-time token. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  Map<String, Object> create(
      CurrentPrincipal principal, @Valid @RequestBody CreateTenantRequest request) {
    TenantService.Created created = tenants.create(principal, request);
    Map<String, Object> body = view(created.tenant());
    if (created.admin() != null) {
      body.put("admin", created.admin());
    }
    return body;
  }

  static Map<String, Object> view(Tenant t) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("retention_days", t.retentionDays());
    settings.put("max_agents", t.maxAgents());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", t.id());
    v.put("name", t.name());
    v.put("retention_days", t.retentionDays());
    v.put("max_agents", t.maxAgents());
    v.put("created_at", t.createdAt());
    v.put("settings", settings);
    return v;
  }
}
