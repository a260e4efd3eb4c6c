package io.tocsin.api.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request bodies of the case (project) and task endpoints, in the CyberPulse seed shapes. */
final class CaseRequests {

  private CaseRequests() {}

  /**
   * {@code POST /projects}; on {@code PUT}/{@code PATCH} absent fields are left alone.
   *
   * @param name required on create
   * @param description free text
   * @param status {@code planning} (default), {@code active}, {@code on_hold}, {@code completed},
   *     {@code cancelled}
   * @param priority {@code low}, {@code medium} (default), {@code high}, {@code critical}
   * @param startDate ISO-8601 date or date-time (UTC when it has no offset)
   * @param endDate ditto, not before {@code start_date}; empty string clears it
   * @param owner the seed's name for {@code assignee}
   * @param assignee user id, username or email of a user of the tenant; empty string unassigns
   * @param teamMembers free-form names of the people working on it
   * @param tags free tags
   * @param alertIds alerts to attach (create only; later use {@code POST /projects/{id}/alerts})
   */
  @Schema(name = "ProjectRequest")
  record Project(
      String name,
      String description,
      String status,
      String priority,
      String startDate,
      String endDate,
      String owner,
      String assignee,
      List<String> teamMembers,
      List<String> tags,
      List<String> alertIds) {

    /** {@code assignee}, or the seed's {@code owner} when only that is sent. */
    String who() {
      return assignee != null ? assignee : owner;
    }
  }

  /**
   * {@code POST /projects/{id}/alerts}: merges these alerts into the case.
   *
   * @param alertIds alert ids of the tenant
   */
  @Schema(name = "ProjectAlertsRequest")
  record AttachAlerts(List<String> alertIds) {}

  /**
   * {@code POST /projects/{id}/comments}.
   *
   * @param text the comment ({@code comment} is accepted too)
   * @param comment alias of {@code text}
   */
  @Schema(name = "ProjectCommentRequest")
  record Comment(String text, String comment) {

    String body() {
      return text != null ? text : comment;
    }
  }

  /**
   * {@code POST /tasks}; on {@code PUT}/{@code PATCH} absent fields are left alone.
   *
   * @param title required on create
   * @param description free text
   * @param projectId the case, required on create, fixed afterwards
   * @param status {@code todo} (default), {@code in_progress}, {@code review}, {@code done}
   * @param priority {@code low}, {@code medium} (default), {@code high}, {@code critical}
   * @param storyPoints 0 to 1000
   * @param assignee user id, username or email of a user of the tenant; empty string unassigns
   * @param dueDate ISO-8601 date or date-time; empty string clears it
   */
  @Schema(name = "TaskRequest")
  record Task(
      String title,
      String description,
      String projectId,
      String status,
      String priority,
      Integer storyPoints,
      String assignee,
      String dueDate) {}
}
