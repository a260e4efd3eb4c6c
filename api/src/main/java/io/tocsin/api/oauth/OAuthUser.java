package io.tocsin.api.oauth;

import java.io.Serializable;
import java.security.Principal;

/**
 * The Tocsin user who logged in on the authorization endpoint's form: what the token customizer
 * writes into the access token so the REST API can re-check the user on every request.
 *
 * @param id user id (the name the authorization server records the approval under)
 * @param username user name
 * @param tenantId the user's tenant
 * @param sessionVersion the user's session version at login
 */
record OAuthUser(String id, String username, String tenantId, int sessionVersion)
    implements Principal, Serializable {

  @Override
  public String getName() {
    return id;
  }
}
