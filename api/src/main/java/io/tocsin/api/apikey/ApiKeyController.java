package io.tocsin.api.apikey;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.ListResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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
  record CreateRequest(
      @NotBlank @Size(max = 200) String name,
      @Size(min = 1, max = 256)
          @Pattern(regexp = "\\S(.*\\S)?", message = "must not be blank or padded")
          String hostId) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ADMIN)
  Map<String, Object> create(
      CurrentPrincipal principal, @Valid @RequestBody CreateRequest request) {
    return keys.create(
        principal.tenantId(), request.name().trim(), request.hostId(), principal.userId());
  }

  @GetMapping
  @PreAuthorize(Authz.ADMIN)
  Map<String, Object> list(CurrentPrincipal principal) {
    List<ApiKeyView> all = keys.list(principal.tenantId());
    return ListResponse.of("api_keys", all, all.size(), all.size(), 0);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize(Authz.ADMIN)
  void revoke(CurrentPrincipal principal, @PathVariable String id) {
    keys.revoke(principal.tenantId(), id);
  }
}
