package io.tocsin.api.inventory;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agent side of the inventory: snapshot submission and the credential check. */
@RestController
@RequestMapping("/api/v1")
class SubmitController {

  private final SubmitService submissions;
  private final Clock clock;

  SubmitController(SubmitService submissions, Clock clock) {
    this.submissions = submissions;
    this.clock = clock;
  }

  /** Stores a host snapshot; the tenant is the API key's, never one named in the body. */
  @PostMapping({"/submit", "/submit/"})
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.INGEST)
  Map<String, Object> submit(CurrentPrincipal principal, @RequestBody Object body) {
    return submissions.submit(principal.tenantId(), principal::actsFor, body);
  }

  /** Confirms the credential (API key or user token) and names its tenant; GET or POST. */
  @RequestMapping(
      value = {"/test-connection", "/test-connection/"},
      method = {RequestMethod.GET, RequestMethod.POST})
  @PreAuthorize(Authz.INGEST + " or " + Authz.VIEWER)
  Map<String, Object> testConnection(CurrentPrincipal principal) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "success");
    out.put("message", "Connection successful");
    out.put("authenticated", true);
    out.put("credential", principal.isAgent() ? "api_key" : "user");
    out.put("tenant_id", principal.tenantId());
    if (principal.isAgent()) {
      out.put("api_key_id", principal.apiKeyId());
      out.put("api_key_name", principal.username());
    } else {
      out.put("user_id", principal.userId());
      out.put("username", principal.username());
      out.put("role", principal.role().wire());
    }
    out.put("api_version", "v1");
    out.put("server_time", clock.instant().toString());
    return out;
  }
}
