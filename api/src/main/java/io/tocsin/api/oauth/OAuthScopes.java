package io.tocsin.api.oauth;

import io.tocsin.api.security.Role;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * The two scopes and the roles they act as: {@code read} → {@code viewer}, {@code write} → {@code
 * analyst} (triage: update alerts, run response actions, create alerts). A token with both acts as
 * analyst. No scope reaches detection engineering or administration: an integration that needs them
 * should not hold a token that outlives its user's session.
 */
final class OAuthScopes {

  static final String READ = "read";
  static final String WRITE = "write";
  static final List<String> ALL = List.of(READ, WRITE);

  private OAuthScopes() {}

  /** The role the granted scopes act as; null when none of them is ours. */
  static Role role(Collection<String> scopes) {
    if (scopes == null) {
      return null;
    }
    if (scopes.contains(WRITE)) {
      return Role.ANALYST;
    }
    return scopes.contains(READ) ? Role.VIEWER : null;
  }

  /** The less privileged of the two (roles are declared from most to least privileged). */
  static Role weaker(Role a, Role b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /**
   * An authorization request must name {@code read} and/or {@code write}: a code for no scope would
   * give a token the API refuses, so the client hears {@code invalid_scope} at once.
   */
  static void requireRequested(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    if (role(request.getScopes()) == null) {
      throw new OAuth2AuthorizationCodeRequestAuthenticationException(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, "Ask for scope read and/or write", null),
          request);
    }
  }
}
