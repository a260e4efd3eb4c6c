package io.tocsin.api.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.oauth.OAuthClientViews.OAuthClientPage;
import io.tocsin.api.oauth.OAuthClientViews.RegisteredOAuthClient;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** OAuth clients registered for the caller's tenant; admins only. */
@RestController
@RequestMapping("/api/v1/oauth/clients")
@Tag(name = "OAuth clients", description = "OAuth 2.1 clients registered for the caller's tenant")
class OAuthClientController {

  private final OAuthClientService clients;

  OAuthClientController(OAuthClientService clients) {
    this.clients = clients;
  }

  /**
   * Body of {@code POST /oauth/clients}.
   *
   * @param name what the client is
   * @param redirectUris where codes may be sent (exact match); required with {@code
   *     authorization_code}
   * @param grantTypes {@code authorization_code}, {@code client_credentials}; by default the first
   *     when redirect URIs are given, else the second
   * @param scopes {@code read}, {@code write}; {@code read} by default
   * @param publicClient {@code "public": true} for a client that cannot keep a secret (a native or
   *     command-line app): no secret, authorization code with PKCE only
   */
  record RegisterOAuthClientRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 10) List<@NotBlank @Size(max = 2000) String> redirectUris,
      @Size(max = 2) List<@NotBlank String> grantTypes,
      @Size(max = 2) List<@NotBlank String> scopes,
      @JsonProperty("public") Boolean publicClient) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Register an OAuth client; a confidential one's secret is shown once")
  RegisteredOAuthClient registerOAuthClient(
      CurrentPrincipal principal, @Valid @RequestBody RegisterOAuthClientRequest request) {
    return clients.register(principal.tenantId(), request, principal.userId());
  }

  @GetMapping
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "List the tenant's OAuth clients")
  OAuthClientPage listOAuthClients(CurrentPrincipal principal) {
    return OAuthClientPage.of(clients.list(principal.tenantId()));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "One OAuth client (never its secret)")
  OAuthClientView getOAuthClient(CurrentPrincipal principal, @PathVariable String id) {
    return clients.get(principal.tenantId(), id);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Delete an OAuth client")
  void deleteOAuthClient(CurrentPrincipal principal, @PathVariable String id) {
    clients.delete(principal.tenantId(), id);
  }
}
