package io.tocsin.api.oauth;

import io.tocsin.api.auth.AuthService;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.user.User;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorization endpoint's form login, through the same checks as {@code POST /auth/login}
 * (throttling per account and address, MFA code, active flag), so OAuth is no way around them.
 */
final class TocsinUserLogin implements AuthenticationProvider {

  private final AuthService auth;

  TocsinUserLogin(AuthService auth) {
    this.auth = auth;
  }

  /**
   * What the form sends next to the username and password.
   *
   * @param address the caller's address, for the per-address throttle
   * @param mfaCode TOTP code, for users with MFA
   * @param tenantId tenant, only when the username exists in several
   */
  record Details(String address, String mfaCode, String tenantId) {

    static Details of(HttpServletRequest request) {
      return new Details(
          request.getRemoteAddr(),
          blankToNull(request.getParameter("mfa_code")),
          blankToNull(request.getParameter("tenant")));
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    Details details =
        authentication.getDetails() instanceof Details d ? d : new Details(null, null, null);
    User user;
    try {
      user =
          auth.authenticate(
              authentication.getName(),
              String.valueOf(authentication.getCredentials()),
              details.mfaCode(),
              details.tenantId(),
              details.address());
    } catch (ApiException refused) {
      throw new BadCredentialsException(refused.getMessage(), refused);
    }
    OAuthUser principal =
        new OAuthUser(
            user.getId(), user.getUsername(), user.getTenantId(), user.getSessionVersion());
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority(user.getRole().authority())));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
