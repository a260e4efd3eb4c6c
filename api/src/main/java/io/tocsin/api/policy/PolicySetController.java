package io.tocsin.api.policy;

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
class PolicySetController {

  private final PolicySetService sets;

  PolicySetController(PolicySetService sets) {
    this.sets = sets;
  }

  @PostMapping("/api/v1/policies/apply")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> apply(
      CurrentPrincipal principal,
      @RequestBody Map<String, Object> body,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
    return sets.apply(principal.tenantId(), body, dryRun, principal.username());
  }
}
