package io.tocsin.api.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.apikey.ApiKeyViews.ApiKeyPage;
import io.tocsin.api.apikey.ApiKeyViews.CreatedApiKey;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** Agent API keys of the caller's tenant; admins only. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Agent API keys of the caller's tenant")
class ApiKeyController {

  private final ApiKeyService keys;

  ApiKeyController(ApiKeyService keys) {
    this.keys = keys;
  }

  /**
   * Body of {@code POST /api-keys}.
   *
   * @param name what the key is for, e.g. the host or collector
   * @param hostId if set, the key may only send events and inventory for this host and fetch and
   *     answer its commands
   */
  record CreateApiKeyRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(min = 1, max = 256)
          @Pattern(regexp = "\\S(.*\\S)?", message = "must not be blank or padded")
          String hostId) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Create an agent API key, optionally bound to one host")
  CreatedApiKey createApiKey(
      CurrentPrincipal principal, @Valid @RequestBody CreateApiKeyRequest request) {
    return keys.create(
        principal.tenantId(), request.name().trim(), request.hostId(), principal.userId());
  }

  @GetMapping
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "List the tenant's API keys (never the keys themselves)")
  ApiKeyPage listApiKeys(CurrentPrincipal principal) {
    return ApiKeyPage.of(keys.list(principal.tenantId()));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ADMIN)
  @Operation(summary = "Revoke an API key")
  void revokeApiKey(CurrentPrincipal principal, @PathVariable String id) {
    keys.revoke(principal.tenantId(), id);
  }
}
