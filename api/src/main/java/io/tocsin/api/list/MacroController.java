package io.tocsin.api.list;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
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
@Tag(name = "Macros", description = "Named reusable conditions that policies and searches use")
class MacroController {

  private final MacroService macros;

  MacroController(MacroService macros) {
    this.macros = macros;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the tenant's macros, by name")
  MacroPage listMacros(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return macros.list(principal.tenantId(), Paging.of(limit, offset));
  }

  @GetMapping("/{name}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get a macro")
  MacroView getMacro(CurrentPrincipal principal, @PathVariable String name) {
    return macros.get(principal.tenantId(), name);
  }

  @PutMapping("/{name}")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(
      summary = "Create or replace a macro",
      description =
          "Refused with 400 when the condition does not check, or a policy or macro using the"
              + " macro would no longer check.")
  @ApiResponse(responseCode = "200", description = "The macro was replaced")
  @ApiResponse(responseCode = "201", description = "The macro was created")
  ResponseEntity<MacroView> putMacro(
      CurrentPrincipal principal, @PathVariable String name, @RequestBody Requests.PutMacro body) {
    return macros.put(principal.tenantId(), name, body, principal.username()).response();
  }

  @DeleteMapping("/{name}")
  @PreAuthorize(Authz.ENGINEER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete a macro",
      description = "Refused with 400 while a policy or another macro uses it.")
  void deleteMacro(CurrentPrincipal principal, @PathVariable String name) {
    macros.delete(principal.tenantId(), name);
  }
}
