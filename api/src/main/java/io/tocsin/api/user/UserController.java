package io.tocsin.api.user;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.Role;
import io.tocsin.api.web.ListResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration in the caller's tenant; {@code /users/me} for everyone. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  @GetMapping
  @PreAuthorize(Authz.ADMIN)
  Map<String, Object> list(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(defaultValue = "0") @Min(0) long offset) {
    return users.list(principal.tenantId(), ListResponse.limit(limit), offset);
  }

  @GetMapping("/me")
  @PreAuthorize(Authz.VIEWER)
  UserView me(CurrentPrincipal principal) {
    return UserView.of(users.get(principal.homeTenantId(), principal.userId()));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.ADMIN)
  UserView get(CurrentPrincipal principal, @PathVariable String id) {
    return UserView.of(users.get(principal.tenantId(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  CreatedUser create(CurrentPrincipal principal, @Valid @RequestBody CreateUserRequest request) {
    return users.create(principal.tenantId(), request, Role.VIEWER);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ADMIN)
  UserView update(
      CurrentPrincipal principal,
      @PathVariable String id,
      @Valid @RequestBody UpdateUserRequest request) {
    return users.update(principal.tenantId(), id, request);
  }

  /** Ends every session of a user of the tenant (all access and refresh tokens). */
  @DeleteMapping("/{id}/sessions")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ADMIN)
  void revokeSessions(CurrentPrincipal principal, @PathVariable String id) {
    users.revokeSessions(users.get(principal.tenantId(), id).getId());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ADMIN)
  void delete(CurrentPrincipal principal, @PathVariable String id) {
    users.delete(principal.tenantId(), id, principal.userId());
  }
}
