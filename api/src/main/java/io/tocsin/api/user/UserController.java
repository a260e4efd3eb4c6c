package io.tocsin.api.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.Role;
import io.tocsin.api.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
@Tag(name = "Users", description = "User administration in the caller's tenant")
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  @GetMapping
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "List the tenant's users, oldest first")
  UserPage listUsers(
      CurrentPrincipal principal,
      @RequestParam(required = false) Integer limit,
      @RequestParam(defaultValue = "0") @Min(0) long offset) {
    // An out-of-range limit is clamped into 1..1000 here, not refused (as since 0.1).
    return users.list(principal.tenantId(), new Paging(Paging.clampedLimit(limit), offset));
  }

  @GetMapping("/me")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "The caller's own user")
  UserView getCurrentUser(CurrentPrincipal principal) {
    return UserView.of(users.get(principal.homeTenantId(), principal.userId()));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "One user of the tenant")
  UserView getUser(CurrentPrincipal principal, @PathVariable String id) {
    return UserView.of(users.get(principal.tenantId(), id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Create a user; without a password, a one-time set-password token")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: a user with this username or email already exists")
  CreatedUser createUser(
      CurrentPrincipal principal, @Valid @RequestBody CreateUserRequest request) {
    return users.create(principal.tenantId(), request, Role.VIEWER);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Change a user's fields, role, password, MFA or active flag")
  @ApiResponse(responseCode = "200", description = "The changed user")
  @ApiResponse(
      responseCode = "409",
      description =
          "CONFLICT: username or email taken, or the tenant's last admin would lose the role")
  UserView updateUser(
      CurrentPrincipal principal,
      @PathVariable String id,
      @Valid @RequestBody UpdateUserRequest request) {
    return users.update(principal.tenantId(), id, request);
  }

  /** Ends every session of a user of the tenant (all access and refresh tokens). */
  @DeleteMapping("/{id}/sessions")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "End every session of a user")
  void revokeUserSessions(CurrentPrincipal principal, @PathVariable String id) {
    users.revokeSessions(users.get(principal.tenantId(), id).getId());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Delete a user (not oneself)")
  @ApiResponse(responseCode = "409", description = "CONFLICT: the tenant's last admin")
  void deleteUser(CurrentPrincipal principal, @PathVariable String id) {
    users.delete(principal.tenantId(), id, principal.userId());
  }
}
