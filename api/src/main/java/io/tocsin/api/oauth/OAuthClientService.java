package io.tocsin.api.oauth;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Secrets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Service;

/** Registers, lists, deletes and looks up OAuth clients, always within one tenant. */
@Service
class OAuthClientService {

  static final String ID_PREFIX = "tcl_";
  static final String SECRET_PREFIX = "tcs_";
  private static final String CODE = AuthorizationGrantType.AUTHORIZATION_CODE.getValue();
  private static final String CLIENT_CREDENTIALS =
      AuthorizationGrantType.CLIENT_CREDENTIALS.getValue();
  private static final List<String> GRANT_TYPES = List.of(CODE, CLIENT_CREDENTIALS);

  private final OAuthClientRepository clients;
  private final PasswordEncoder encoder;
  private final Clock clock;

  OAuthClientService(OAuthClientRepository clients, PasswordEncoder encoder, Clock clock) {
    this.clients = clients;
    this.encoder = encoder;
    this.clock = clock;
  }

  /** The stored client's view plus {@code client_secret}, the only time the secret is shown. */
  OAuthClientViews.RegisteredOAuthClient register(
      String tenantId, OAuthClientController.RegisterOAuthClientRequest request, String createdBy) {
    boolean publicClient = Boolean.TRUE.equals(request.publicClient());
    List<String> redirectUris = distinct(request.redirectUris());
    redirectUris.forEach(RedirectUris::check);
    List<String> grantTypes =
        request.grantTypes() == null || request.grantTypes().isEmpty()
            ? List.of(redirectUris.isEmpty() ? CLIENT_CREDENTIALS : CODE)
            : distinct(request.grantTypes());
    List<String> scopes =
        request.scopes() == null || request.scopes().isEmpty()
            ? List.of(OAuthScopes.READ)
            : distinct(request.scopes());
    check(grantTypes, GRANT_TYPES, "grant_types");
    check(scopes, OAuthScopes.ALL, "scopes");
    if (grantTypes.contains(CODE) == redirectUris.isEmpty()) {
      throw ApiException.badRequest(
          "redirect_uris are required for, and only used by, the authorization_code grant",
          Map.of("field", "redirect_uris"));
    }
    if (publicClient && grantTypes.contains(CLIENT_CREDENTIALS)) {
      throw ApiException.badRequest(
          "a public client has no secret, so it cannot use client_credentials",
          Map.of("field", "grant_types"));
    }
    String id = Secrets.random(ID_PREFIX).substring(0, ID_PREFIX.length() + 24);
    String secret = publicClient ? null : Secrets.random(SECRET_PREFIX);
    OAuthClient stored =
        clients.insert(
            new OAuthClient(
                id,
                tenantId,
                request.name().trim(),
                secret == null ? null : encoder.encode(secret),
                redirectUris,
                grantTypes,
                scopes,
                createdBy,
                clock.instant()));
    return new OAuthClientViews.RegisteredOAuthClient(secret, OAuthClientView.of(stored));
  }

  List<OAuthClientView> list(String tenantId) {
    return clients.findByTenantIdOrderByCreatedAtAsc(tenantId).stream()
        .map(OAuthClientView::of)
        .toList();
  }

  OAuthClientView get(String tenantId, String id) {
    return OAuthClientView.of(find(tenantId, id));
  }

  /** Deletes the client: its tokens are refused from the next request on, on every server. */
  void delete(String tenantId, String id) {
    clients.delete(find(tenantId, id));
  }

  /** The client a token names, whichever tenant it belongs to. */
  Optional<OAuthClient> byClientId(String clientId) {
    return clientId == null ? Optional.empty() : clients.findById(clientId);
  }

  private OAuthClient find(String tenantId, String id) {
    return clients
        .findByIdAndTenantId(id, tenantId)
        .orElseThrow(() -> ApiException.notFound("OAuth client"));
  }

  private static List<String> distinct(List<String> values) {
    return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
  }

  private static void check(List<String> values, List<String> allowed, String field) {
    for (String value : values) {
      if (!allowed.contains(value)) {
        throw ApiException.badRequest(
            "unknown " + field.replace('_', ' ') + " [" + value + "], expected one of " + allowed,
            Map.of("field", field));
      }
    }
  }
}
