package io.tocsin.api.list;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/macros}: the tenant's macros (named conditions). */
@RestController
@RequestMapping("/api/v1/macros")
class MacroController {

  private final MacroService macros;

  MacroController(MacroService macros) {
    this.macros = macros;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> list(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return macros.list(principal.tenantId(), Paging.of(limit, offset));
  }

  @GetMapping("/{name}")
  @PreAuthorize(Authz.VIEWER)
  MacroView get(CurrentPrincipal principal, @PathVariable String name) {
    return macros.get(principal.tenantId(), name);
  }

  @PutMapping("/{name}")
  @PreAuthorize(Authz.ENGINEER)
  ResponseEntity<MacroView> put(
      CurrentPrincipal principal, @PathVariable String name, @RequestBody Requests.PutMacro body) {
    MacroService.Result saved = macros.put(principal.tenantId(), name, body, principal.username());
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(saved.view());
  }

  @DeleteMapping("/{name}")
  @PreAuthorize(Authz.ENGINEER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(CurrentPrincipal principal, @PathVariable String name) {
    macros.delete(principal.tenantId(), name);
  }
}
