package io.tocsin.api.policy;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.Map;
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
class PackController {

  private final PackService packs;
  private final PackUpdater updater;

  PackController(PackService packs, PackUpdater updater) {
    this.packs = packs;
    this.updater = updater;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> list(CurrentPrincipal principal) {
    return packs.list(principal.tenantId());
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> get(CurrentPrincipal principal, @PathVariable String id) {
    return packs.get(principal.tenantId(), id);
  }

  @PostMapping("/{id}/enable")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> enable(CurrentPrincipal principal, @PathVariable String id) {
    return packs.enable(principal.tenantId(), id, principal.username());
  }

  @PostMapping("/{id}/disable")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> disable(CurrentPrincipal principal, @PathVariable String id) {
    return packs.disable(principal.tenantId(), id, principal.username());
  }

  @PostMapping("/{id}/update")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> update(
      CurrentPrincipal principal,
      @PathVariable String id,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
    return updater.update(principal.tenantId(), id, dryRun, principal.username());
  }
}
