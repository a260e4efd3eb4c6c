package io.tocsin.api.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.alert.AlertCases;
import io.tocsin.api.web.PageInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The response bodies of {@code /api/v1/projects} and {@code /api/v1/tasks}, in the CyberPulse
 * seed's field names; null components are left out (global {@code non_null}). {@link CaseViews}
 * builds the same shapes as maps for {@link CaseChanged} listeners ({@code CaseViewParityTest}).
 */
final class CaseBodies {

  private CaseBodies() {}

  /** A project (case) in lists: everything but its alerts, comments and audit trail. */
  record ProjectSummary(
      String id,
      String name,
      @Schema(description = "Empty when none was given") String description,
      @Schema(description = "planning, active, on_hold, completed or cancelled") String status,
      @Schema(description = "low, medium, high or critical") String priority,
      @Schema(description = "The highest severity of its alerts, null while it has none")
          String severity,
      Instant startDate,
      Instant endDate,
      @Schema(description = "The seed's name for assignee (an email)") String owner,
      @Schema(description = "Email of the assigned user") String assignee,
      String assigneeId,
      String assigneeName,
      List<String> teamMembers,
      List<String> tags,
      List<String> alertIds,
      int alertCount,
      @Schema(description = "Percent of the tasks' story points that are done") int progress,
      int commentCount,
      Instant createdAt,
      Instant updatedAt,
      String createdBy,
      long version) {

    static ProjectSummary of(Case c) {
      return new ProjectSummary(
          c.id,
          c.name,
          c.description == null ? "" : c.description,
          c.status,
          c.priority,
          c.severity,
          c.startDate,
          c.endDate,
          c.assigneeEmail,
          c.assigneeEmail,
          c.assigneeId,
          c.assigneeName,
          List.copyOf(c.teamMembers),
          List.copyOf(c.tags),
          List.copyOf(c.alertIds),
          c.alertIds.size(),
          c.progress,
          c.comments.size(),
          c.createdAt,
          c.updatedAt,
          c.createdBy,
          c.version);
    }
  }

  /**
   * {@code GET /projects/{id}} and the answer to every project write.
   *
   * @param project the project's fields
   * @param alerts its alerts in the order they were attached, with their current state
   * @param comments its comments, oldest first
   * @param audit its append-only audit trail
   */
  record ProjectDetail(
      @JsonUnwrapped ProjectSummary project,
      List<ProjectAlert> alerts,
      List<ProjectComment> comments,
      List<ProjectAuditEntry> audit) {

    static ProjectDetail of(Case c, List<AlertCases.Summary> alerts) {
      Map<String, AlertCases.Summary> byId = new HashMap<>();
      alerts.forEach(a -> byId.put(a.id(), a));
      return new ProjectDetail(
          ProjectSummary.of(c),
          c.alertIds.stream()
              .map(byId::get)
              .filter(Objects::nonNull)
              .map(a -> new ProjectAlert(a.id(), a.title(), a.severity(), a.status()))
              .toList(),
          c.comments.stream().map(ProjectComment::of).toList(),
          c.audit.stream().map(ProjectAuditEntry::of).toList());
    }
  }

  /** An alert of a project, as it is now. */
  record ProjectAlert(String id, String title, String severity, String status) {}

  /** A comment on a project. */
  record ProjectComment(String id, String text, String userId, String username, Instant createdAt) {

    static ProjectComment of(CaseComment c) {
      return new ProjectComment(c.id(), c.text(), c.userId(), c.username(), c.at());
    }
  }

  /** One entry of a project's audit trail. */
  record ProjectAuditEntry(
      Instant at,
      String userId,
      String username,
      @Schema(
              description =
                  "created, a field name (status, assignee...), alerts_attached, comment,"
                      + " task_created or task.<field>")
          String action,
      @Schema(description = "The task id for task changes, null for the project itself")
          String target,
      String from,
      String to) {

    static ProjectAuditEntry of(CaseAuditEntry e) {
      return new ProjectAuditEntry(
          e.at(), e.userId(), e.username(), e.action(), e.target(), e.from(), e.to());
    }
  }

  /** {@code GET /projects}. */
  record ProjectPage(List<ProjectSummary> projects, @JsonUnwrapped PageInfo page) {}

  /** A task of a project. */
  record TaskView(
      String id,
      String title,
      @Schema(description = "Empty when none was given") String description,
      String projectId,
      @Schema(description = "todo, in_progress, review or done") String status,
      @Schema(description = "low, medium, high or critical") String priority,
      Integer storyPoints,
      @Schema(description = "Email of the assigned user") String assignee,
      String assigneeId,
      String assigneeName,
      Instant dueDate,
      Instant createdAt,
      Instant updatedAt,
      String createdBy,
      long version) {

    static TaskView of(CaseTask t) {
      return new TaskView(
          t.id,
          t.title,
          t.description == null ? "" : t.description,
          t.projectId,
          t.status,
          t.priority,
          t.storyPoints,
          t.assigneeEmail,
          t.assigneeId,
          t.assigneeName,
          t.dueDate,
          t.createdAt,
          t.updatedAt,
          t.createdBy,
          t.version);
    }
  }

  /** {@code GET /tasks}. */
  record TaskPage(List<TaskView> tasks, @JsonUnwrapped PageInfo page) {}
}
