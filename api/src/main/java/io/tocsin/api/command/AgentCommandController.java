package io.tocsin.api.command;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.command.CommandViews.CommandList;
import io.tocsin.api.command.CommandViews.CommandView;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent command protocol. Agents (API key) poll and report; users with any role may look at a
 * host's commands without changing them.
 */
@RestController
@RequestMapping("/api/v1/agents/{hostId}/commands")
@Tag(
    name = "Agent commands",
    description = "Agents poll the commands queued for their host and report results")
class AgentCommandController {

  static final String AGENT_OR_VIEWER =
      "hasAnyRole('AGENT','ADMIN','DETECTION_ENGINEER','ANALYST','VIEWER')";
  static final String AGENT = "hasRole('AGENT')";
  private static final Set<String> RESULTS =
      Set.of(Command.SUCCEEDED, Command.FAILED, Command.DRY_RUN);
  private static final Set<String> STATUSES =
      Set.of(
          Command.PENDING,
          Command.SENT,
          Command.SUCCEEDED,
          Command.FAILED,
          Command.DRY_RUN,
          Command.EXPIRED);

  /**
   * Body of {@code POST .../commands/{id}/result}, as {@code io.tocsin.agent.respond.CommandResult}
   * sends it.
   *
   * @param status {@code succeeded}, {@code failed} or {@code dry_run}
   * @param message what happened
   * @param details action-specific details
   */
  record ResultRequest(
      @Schema(allowableValues = {"succeeded", "failed", "dry_run"}) String status,
      String message,
      @Schema(
              description = "Action-specific details (what the agent changed or found)",
              additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
          Map<String, Object> details) {}

  private final CommandService commands;

  AgentCommandController(CommandService commands) {
    this.commands = commands;
  }

  /**
   * An agent's poll hands out the commands due (marking them sent; {@code status}, {@code limit}
   * and {@code offset} do not apply); a user's look pages through them and changes nothing.
   */
  @GetMapping
  @PreAuthorize(AGENT_OR_VIEWER)
  @Operation(summary = "Poll (agent) or list (user) a host's commands")
  CommandList listAgentCommands(
      CurrentPrincipal principal,
      @PathVariable String hostId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset) {
    requireActsFor(principal, hostId);
    if (principal.isAgent()) {
      List<CommandView> due =
          commands.fetchForAgent(principal.tenantId(), hostId, principal.username());
      return new CommandList(due, null, null);
    }
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest("status must be one of " + STATUSES);
    }
    if (limit != null && (limit < 1 || limit > Paging.MAX_LIMIT)) {
      throw ApiException.badRequest("limit must be between 1 and " + Paging.MAX_LIMIT);
    }
    return commands.list(principal.tenantId(), hostId, status, Paging.of(limit, offset));
  }

  /** Re-posting a result for a finished command changes nothing and answers the command. */
  @PostMapping("/{id}/result")
  @PreAuthorize(AGENT)
  @Operation(summary = "Report the result of a command (agent)")
  CommandView reportCommandResult(
      CurrentPrincipal principal,
      @PathVariable String hostId,
      @PathVariable String id,
      @RequestBody ResultRequest body) {
    requireActsFor(principal, hostId);
    if (body == null || body.status() == null || !RESULTS.contains(body.status())) {
      throw ApiException.badRequest(
          "status must be one of succeeded, failed, dry_run",
          Map.of("field", "status", "reason", "must be succeeded, failed or dry_run"));
    }
    return commands.result(
        principal.tenantId(),
        hostId,
        id,
        body.status(),
        body.message(),
        body.details(),
        principal.username());
  }

  /** A key bound to another host sees no such host: 404, as for another tenant's resources. */
  private static void requireActsFor(CurrentPrincipal principal, String hostId) {
    if (!principal.actsFor(hostId)) {
      throw ApiException.notFound("Host " + hostId);
    }
  }
}
