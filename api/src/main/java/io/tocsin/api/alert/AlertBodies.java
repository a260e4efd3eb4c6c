package io.tocsin.api.alert;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.web.PageInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response bodies of {@code /api/v1/alerts}; null components are left out (global {@code
 * non_null}), as they always were. {@link AlertViews#view} is the same alert as the map that
 * listeners get; {@code AlertViewParityTest} keeps the two equal.
 */
public final class AlertBodies {

  private AlertBodies() {}

  /** An alert as the API shows it, in lists and after a write. */
  public record AlertView(
      String id,
      String title,
      @Schema(description = "Empty when none was given") String description,
      @Schema(description = "low, medium, high or critical") String severity,
      @Schema(description = "open, acknowledged or closed") String status,
      Instant createdAt,
      Instant updatedAt,
      @Schema(description = "Ids of the triggering events") List<String> events,
      @Schema(description = "Email of the assigned user, null when unassigned") String assignee,
      String assigneeId,
      String assigneeName,
      List<String> tags,
      String policyId,
      String policyName,
      String ruleId,
      String hostId,
      @Schema(description = "The OpenFrame name of host_id") String deviceId,
      List<String> userIds,
      @Schema(description = "The group-by fields of the rule and their values for this alert")
          Map<String, Object> groupKey,
      @Schema(description = "Matches folded into this alert") long count,
      int riskScore,
      @Schema(description = "MITRE ATT&CK tags") List<String> mitre,
      List<AlertActionView> actions,
      List<AlertHistoryView> history,
      List<AlertNoteView> notes,
      @Schema(description = "+1 on every change") long version,
      Instant firstSeen,
      Instant lastSeen,
      String closeReason,
      Instant closedAt,
      String source,
      String detectionId,
      @Schema(description = "The project (case) this alert belongs to") String caseId) {

    static AlertView of(Alert a) {
      return new AlertView(
          a.id,
          a.title,
          a.description == null ? "" : a.description,
          a.severity,
          a.status,
          a.createdAt,
          a.updatedAt,
          List.copyOf(a.eventIds),
          a.assigneeEmail,
          a.assigneeId,
          a.assigneeName,
          List.copyOf(a.tags),
          a.policyId,
          a.policyName,
          a.ruleId,
          a.hostId,
          a.hostId,
          List.copyOf(a.userIds),
          a.groupKey == null ? Map.of() : new LinkedHashMap<>(a.groupKey),
          a.count,
          a.riskScore,
          List.copyOf(a.mitre),
          a.actions.stream().map(AlertActionView::of).toList(),
          a.history.stream().map(AlertHistoryView::of).toList(),
          a.notes.stream().map(AlertNoteView::of).toList(),
          a.version,
          a.firstSeen,
          a.lastSeen,
          a.closeReason,
          a.closedAt,
          a.source,
          a.detectionId,
          a.caseId);
    }
  }

  /** {@code GET /alerts/{id}}: the alert and its triggering events in full. */
  public record AlertDetail(
      @JsonUnwrapped AlertView alert,
      @Schema(description = "The triggering events (at most 100) as ingested, nested by field path")
          List<Map<String, Object>> triggeringEvents) {

    static AlertDetail of(Alert a, List<Map<String, Object>> triggering) {
      return new AlertDetail(AlertView.of(a), new ArrayList<>(triggering));
    }
  }

  /** A response action on an alert, mirroring its agent command. */
  public record AlertActionView(
      @Schema(description = "Equal to the command id") String id,
      @Schema(description = "isolate_host, release_host, kill_process, quarantine, restore, block")
          String type,
      @Schema(description = "pending, sent, succeeded, failed or dry_run") String state,
      String hostId,
      @Schema(description = "Parameters sent to the agent (pid, path, ip...)")
          Map<String, Object> parameters,
      @Schema(description = "True when a policy rule queued it") boolean automatic,
      String requestedBy,
      String requestedByName,
      Instant requestedAt,
      Instant updatedAt,
      @Schema(description = "The agent's result message") String message,
      @Schema(description = "The agent's result details") Map<String, Object> details) {

    static AlertActionView of(AlertAction x) {
      return new AlertActionView(
          x.id(),
          x.type(),
          x.state(),
          x.hostId(),
          x.parameters() == null ? Map.of() : x.parameters(),
          x.automatic(),
          x.requestedBy(),
          x.requestedByName(),
          x.requestedAt(),
          x.updatedAt(),
          x.message(),
          x.details() == null ? Map.of() : x.details());
    }
  }

  /** One audited change of an alert. */
  public record AlertHistoryView(
      Instant at, String userId, String username, String action, String from, String to) {

    static AlertHistoryView of(AlertHistoryEntry h) {
      return new AlertHistoryView(h.at(), h.userId(), h.username(), h.action(), h.from(), h.to());
    }
  }

  /** A note on an alert. */
  public record AlertNoteView(String text, String userId, String username, Instant at) {

    static AlertNoteView of(AlertNote n) {
      return new AlertNoteView(n.text(), n.userId(), n.username(), n.at());
    }
  }

  /**
   * {@code GET /alerts}: the page under {@code alerts} and again under {@code data} (OpenFrame's
   * ITSM example reads {@code data}; the UI and other clients read {@code alerts}).
   */
  public record AlertPage(
      List<AlertView> alerts,
      @Schema(description = "The same alerts as `alerts`, for OpenFrame clients")
          List<AlertView> data,
      @JsonUnwrapped PageInfo page) {}

  /**
   * {@code GET /alerts/counts}: the queue's tab counts.
   *
   * @param counts alerts per status ({@code open}, {@code acknowledged}, {@code closed})
   * @param total their sum
   */
  public record AlertCounts(Map<String, Long> counts, long total) {}
}
