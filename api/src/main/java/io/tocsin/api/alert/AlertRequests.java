package io.tocsin.api.alert;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Request bodies of the alert endpoints. */
final class AlertRequests {

  private AlertRequests() {}

  /**
   * {@code POST /alerts}: a manual alert, in the seed shape.
   *
   * @param title required
   * @param description what the analyst saw
   * @param severity {@code low|medium|high|critical}, default {@code medium}
   * @param events ids of related events of the tenant
   * @param tags free tags
   * @param hostId host the alert is about (needed for response actions)
   * @param deviceId the OpenFrame name for {@code host_id}: a host of the tenant's inventory
   */
  @Schema(name = "AlertCreateRequest")
  record Create(
      String title,
      String description,
      String severity,
      List<String> events,
      List<String> tags,
      String hostId,
      String deviceId) {}

  /**
   * {@code PUT /alerts/{id}}; absent fields are left alone.
   *
   * @param status {@code open|acknowledged|closed}
   * @param closeReason required when closing
   * @param assignee user id, username or email of a user of the tenant; empty string unassigns
   * @param notes a note to append
   * @param tags replaces the tags
   * @param severity {@code low|medium|high|critical}
   */
  @Schema(name = "AlertUpdateRequest")
  record Update(
      String status,
      String closeReason,
      String assignee,
      String notes,
      List<String> tags,
      String severity) {}

  /**
   * {@code POST /alerts/{id}/actions}.
   *
   * @param action {@code isolate_host|release_host|kill_process|quarantine|restore|block}
   * @param parameters parameters for the agent (derived from the alert's events when absent)
   */
  @Schema(name = "AlertActionRequest")
  record Action(
      String action,
      @Schema(description = "Parameters for the agent (pid, path, ip...); derived when absent")
          Map<String, Object> parameters) {}
}
