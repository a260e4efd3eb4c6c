package io.tocsin.api.auth;

import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.CurrentPrincipals;
import io.tocsin.api.security.Role;
import io.tocsin.api.user.CreateUserRequest;
import io.tocsin.api.user.CreatedUser;
import io.tocsin.api.user.UserService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;

/**
 * {@code /auth/register}: an admin registers users in their tenant with any role; with {@code
 * TOCSIN_SELF_REGISTRATION=true} anonymous callers register themselves as viewers of {@code
 * default}.
 */
@Service
class RegistrationService {

  private final UserService users;
  private final CurrentPrincipals principals;
  private final boolean selfRegistration;

  RegistrationService(
      UserService users, CurrentPrincipals principals, TocsinProperties properties) {
    this.users = users;
    this.principals = principals;
    this.selfRegistration = properties.selfRegistration();
  }

  CreatedUser register(CreateUserRequest request) {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken) {
      CurrentPrincipal principal = principals.current();
      if (!principal.isAdmin()) {
        throw ApiException.forbidden("Only admins register users");
      }
      return users.create(principal.tenantId(), request, Role.VIEWER);
    }
    if (!selfRegistration) {
      throw ApiException.unauthorized("Registration requires an admin token");
    }
    if (request.password() == null) {
      throw ApiException.badRequest("password is required");
    }
    CreateUserRequest asViewer =
        new CreateUserRequest(
            request.email(), request.username(), request.password(), request.name(), Role.VIEWER);
    return users.create(CurrentPrincipal.PLATFORM_TENANT, asViewer, Role.VIEWER);
  }
}
