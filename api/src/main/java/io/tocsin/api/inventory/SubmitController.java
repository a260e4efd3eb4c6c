package io.tocsin.api.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.inventory.InventoryRequests.SnapshotSubmission;
import io.tocsin.api.inventory.InventoryResponses.ConnectionCheck;
import io.tocsin.api.inventory.InventoryResponses.SubmitResult;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The agent side of the inventory: snapshot submission and the credential check. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory ingest", description = "Agents submit host snapshots and check their key")
class SubmitController {

  private final SubmitService submissions;
  private final Clock clock;

  SubmitController(SubmitService submissions, Clock clock) {
    this.submissions = submissions;
    this.clock = clock;
  }

  /**
   * Stores a host snapshot; the tenant is the API key's, never one named in the body. The body is
   * read raw: {@link SubmissionParser} accepts the agent's and the seed's names and reports every
   * problem with its path.
   */
  @PostMapping({"/submit", "/submit/"})
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.INGEST)
  @Operation(summary = "Submit a host snapshot (processes and system metrics)")
  @ApiResponse(
      responseCode = "413",
      description = "PAYLOAD_TOO_LARGE: the snapshot exceeds the server's request body limit")
  SubmitResult submitSnapshot(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = SnapshotSubmission.class)))
          @RequestBody
          Object body) {
    return submissions.submit(principal.tenantId(), principal::actsFor, body);
  }

  /** Confirms the credential (API key or user token) and names its tenant. */
  @GetMapping({"/test-connection", "/test-connection/"})
  @PreAuthorize(Authz.INGEST + " or " + Authz.VIEWER)
  @Operation(summary = "Check a credential and name its tenant")
  ConnectionCheck testConnection(CurrentPrincipal principal) {
    boolean agent = principal.isAgent();
    return new ConnectionCheck(
        "success",
        "Connection successful",
        true,
        agent ? "api_key" : "user",
        principal.tenantId(),
        agent ? principal.apiKeyId() : null,
        agent ? principal.username() : null,
        agent ? null : principal.userId(),
        agent ? null : principal.username(),
        agent ? null : principal.role().wire(),
        "v1",
        clock.instant().toString());
  }

  /** The same check by POST, as the seed's agents send it. */
  @PostMapping({"/test-connection", "/test-connection/"})
  @PreAuthorize(Authz.INGEST + " or " + Authz.VIEWER)
  @Operation(summary = "Check a credential and name its tenant (POST form)")
  ConnectionCheck testConnectionByPost(CurrentPrincipal principal) {
    return testConnection(principal);
  }
}
