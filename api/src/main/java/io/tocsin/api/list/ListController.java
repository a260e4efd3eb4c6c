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

/** {@code /api/v1/lists}: the tenant's named lists. */
@RestController
@RequestMapping("/api/v1/lists")
@Tag(name = "Lists", description = "Named value lists that conditions use, e.g. allowed_domains")
class ListController {

  private final ListService lists;

  ListController(ListService lists) {
    this.lists = lists;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List the tenant's named lists, by name")
  ListPage listLists(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    return lists.list(principal.tenantId(), Paging.of(limit, offset));
  }

  @GetMapping("/{name}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Get a named list")
  ListView getList(CurrentPrincipal principal, @PathVariable String name) {
    return lists.get(principal.tenantId(), name);
  }

  @PutMapping("/{name}")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(
      summary = "Create or replace a named list",
      description = "Refused with 400 when a policy or macro using the list would no longer check.")
  @ApiResponse(responseCode = "200", description = "The list was replaced")
  @ApiResponse(responseCode = "201", description = "The list was created")
  ResponseEntity<ListView> putList(
      CurrentPrincipal principal, @PathVariable String name, @RequestBody Requests.PutList body) {
    return lists.put(principal.tenantId(), name, body, principal.username()).response();
  }

  @DeleteMapping("/{name}")
  @PreAuthorize(Authz.ENGINEER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Delete a named list",
      description = "Refused with 400 while a policy or macro uses the list.")
  void deleteList(CurrentPrincipal principal, @PathVariable String name) {
    lists.delete(principal.tenantId(), name);
  }
}
