package io.tocsin.api.auth;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.TenantHeader;
import io.tocsin.api.user.CreateUserRequest;
import io.tocsin.api.user.CreatedUser;
import io.tocsin.api.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
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
  TokenResponse login(
      @Valid @RequestBody AuthRequests.Login request,
      @RequestHeader(name = TenantHeader.NAME, required = false) String tenantHeader,
      HttpServletRequest http) {
    String tenant = tenantHeader != null ? tenantHeader : request.tenantId();
    return auth.login(request, tenant, http.getRemoteAddr());
  }

  @PostMapping("/refresh")
  TokenResponse refresh(@Valid @RequestBody AuthRequests.Refresh request) {
    return auth.refresh(request.refreshToken());
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.VIEWER)
  void logout(
      @AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) AuthRequests.Logout body) {
    auth.logout(jwt, body == null ? null : body.refreshToken());
  }

  /** Ends every session of the caller: all access and refresh tokens, on every server. */
  @PostMapping("/logout-all")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.VIEWER)
  void logoutEverywhere(@AuthenticationPrincipal Jwt jwt) {
    users.revokeSessions(jwt.getSubject());
  }

  @PostMapping("/register")
  @ResponseStatus(HttpStatus.CREATED)
  CreatedUser register(@Valid @RequestBody CreateUserRequest request) {
    return registration.register(request);
  }

  @PostMapping("/set-password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void setPassword(@Valid @RequestBody AuthRequests.SetPassword request) {
    users.setPassword(request.token(), request.password());
  }

  @PostMapping("/mfa/enroll")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> enrol(@AuthenticationPrincipal Jwt jwt) {
    return mfa.enrol(auth.currentUser(jwt));
  }

  @PostMapping("/mfa/confirm")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> confirm(
      @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AuthRequests.MfaCode request) {
    mfa.confirm(auth.currentUser(jwt), request.code());
    return Map.of("mfa_enabled", true);
  }

  @PostMapping("/mfa/disable")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> disable(
      @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AuthRequests.MfaCode request) {
    mfa.disable(auth.currentUser(jwt), request.code());
    return Map.of("mfa_enabled", false);
  }
}
