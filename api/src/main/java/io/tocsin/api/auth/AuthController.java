package io.tocsin.api.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.auth.MfaViews.MfaEnrollment;
import io.tocsin.api.auth.MfaViews.MfaStatus;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.TenantHeader;
import io.tocsin.api.user.CreateUserRequest;
import io.tocsin.api.user.CreatedUser;
import io.tocsin.api.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/auth}: login, refresh, logout (this token, or every session with {@code
 * logout-all}), register, set-password and MFA.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth", description = "Login, token refresh, logout, registration and MFA")
class AuthController {

  private final AuthService auth;
  private final RegistrationService registration;
  private final UserService users;
  private final MfaService mfa;

  AuthController(
      AuthService auth, RegistrationService registration, UserService users, MfaService mfa) {
    this.auth = auth;
    this.registration = registration;
    this.users = users;
    this.mfa = mfa;
  }

  @PostMapping("/login")
  @Operation(summary = "Log in with a username or email and password (and MFA code)")
  @ApiResponse(responseCode = "200", description = "Logged in: access and refresh tokens")
  @ApiResponse(
      responseCode = "401",
      description =
          "AUTHENTICATION_ERROR: wrong credentials, deactivated account, or MFA code missing"
              + " (`details.mfa_required`) or wrong")
  @ApiResponse(
      responseCode = "429",
      description = "RATE_LIMITED: too many failed logins for the account or address")
  TokenResponse login(
      @Valid @RequestBody AuthRequests.Login request,
      @RequestHeader(name = TenantHeader.NAME, required = false) String tenantHeader,
      HttpServletRequest http) {
    String tenant = tenantHeader != null ? tenantHeader : request.tenantId();
    return auth.login(request, tenant, http.getRemoteAddr());
  }

  @PostMapping("/refresh")
  @Operation(summary = "Exchange a one-time refresh token for new tokens")
  @ApiResponse(responseCode = "200", description = "New access and refresh tokens")
  @ApiResponse(
      responseCode = "401",
      description = "AUTHENTICATION_ERROR: refresh token unknown, reused, expired or revoked")
  TokenResponse refreshToken(@Valid @RequestBody AuthRequests.Refresh request) {
    return auth.refresh(request.refreshToken());
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Revoke this access token (and a refresh token if sent)")
  void logout(
      @AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) AuthRequests.Logout body) {
    auth.logout(jwt, body == null ? null : body.refreshToken());
  }

  /** Ends every session of the caller: all access and refresh tokens, on every server. */
  @PostMapping("/logout-all")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "End every session of the caller")
  void logoutEverywhere(@AuthenticationPrincipal Jwt jwt) {
    users.revokeSessions(jwt.getSubject());
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register a user (admin, or anyone with self-registration)")
  @ApiResponse(
      responseCode = "401",
      description = "AUTHENTICATION_ERROR: anonymous while self-registration is off")
  @ApiResponse(responseCode = "403", description = "AUTHORIZATION_ERROR: the caller is no admin")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: a user with this username or email already exists")
  CreatedUser registerUser(@Valid @RequestBody CreateUserRequest request) {
    return registration.register(request);
  }

  @PostMapping("/set-password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Set a password with a one-time set-password token")
  void setPassword(@Valid @RequestBody AuthRequests.SetPassword request) {
    users.setPassword(request.token(), request.password());
  }

  @PostMapping("/mfa/enroll")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Start MFA enrolment: a new TOTP secret to confirm")
  @ApiResponse(responseCode = "200", description = "The pending secret, shown once")
  @ApiResponse(responseCode = "409", description = "CONFLICT: MFA is already enabled")
  MfaEnrollment enrollMfa(@AuthenticationPrincipal Jwt jwt) {
    return mfa.enrol(auth.currentUser(jwt));
  }

  @PostMapping("/mfa/confirm")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Enable MFA with a first code of the pending secret")
  MfaStatus confirmMfa(
      @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AuthRequests.MfaCode request) {
    mfa.confirm(auth.currentUser(jwt), request.code());
    return new MfaStatus(true);
  }

  @PostMapping("/mfa/disable")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Disable MFA with a current code")
  MfaStatus disableMfa(
      @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AuthRequests.MfaCode request) {
    mfa.disable(auth.currentUser(jwt), request.code());
    return new MfaStatus(false);
  }
}
