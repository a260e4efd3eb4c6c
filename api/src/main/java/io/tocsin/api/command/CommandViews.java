package io.tocsin.api.command;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.web.PageInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The bodies of the agent command protocol. */
final class CommandViews {

  private CommandViews() {}

  /**
   * A queued command. An agent's poll carries only {@code id, type, parameters, status, created_at}
   * (and {@code status} is always {@code pending}: the agent runs what it sees as pending); a user
   * sees the whole record.
   *
   * @param id command id
   * @param type the action, e.g. {@code isolate_host}
   * @param parameters the action's parameters
   * @param status pending, sent, succeeded, failed, dry_run or expired
   * @param hostId the host whose agent runs it (users only)
   * @param alertId the alert whose response action queued it (users only)
   * @param automatic whether a policy queued it rather than a user (users only)
   * @param createdBy who queued it (users only)
   * @param createdByName their display name (users only)
   * @param createdAt when it was queued
   * @param sentAt when an agent last fetched it (users only)
   * @param deliveries how often agents fetched it (users only)
   * @param completedAt when it reached its outcome (users only)
   * @param message the outcome's message (users only)
   * @param details the outcome's details (users only)
   */
  record CommandView(
      String id,
      String type,
      @Schema(
              description = "The action's parameters, as the response action set them",
              additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
          Map<String, Object> parameters,
      String status,
      String hostId,
      String alertId,
      Boolean automatic,
      String createdBy,
      String createdByName,
      Instant createdAt,
      Instant sentAt,
      Integer deliveries,
      Instant completedAt,
      String message,
      @Schema(
              description = "Action-specific details the agent reported",
              additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
          Map<String, Object> details) {}

  /**
   * A host's commands: for an agent the commands now due (no paging), for a user the newest first
   * with {@code host_id} and the paging fields.
   *
   * @param commands the commands
   * @param hostId the host (users only)
   * @param page paging fields (users only)
   */
  record CommandList(List<CommandView> commands, String hostId, @JsonUnwrapped PageInfo page) {}
}
