package io.tocsin.api.alert;

import io.tocsin.api.error.ApiException;
import io.tocsin.engine.policy.Severity;
import java.util.List;
import java.util.Map;

/** Checks alert request bodies; every failure is a 400 naming the field. */
final class AlertValidation {

  private static final int MAX_TITLE = 500;
  private static final int MAX_TEXT = 10_000;
  private static final int MAX_TAGS = 50;

  private AlertValidation() {}

  static void create(AlertRequests.Create body) {
    if (body == null || body.title() == null || body.title().isBlank()) {
      throw invalid("title", "is required");
    }
    if (body.title().length() > MAX_TITLE) {
      throw invalid("title", "must be at most " + MAX_TITLE + " characters");
    }
    if (body.description() != null && body.description().length() > MAX_TEXT) {
      throw invalid("description", "must be at most " + MAX_TEXT + " characters");
    }
    if (body.severity() != null) {
      severity(body.severity());
    }
    tags(body.tags());
    if (body.events() != null) {
      if (body.events().size() > AlertEvents.MAX_IDS) {
        throw invalid("events", "at most " + AlertEvents.MAX_IDS + " event ids");
      }
      if (body.events().stream().anyMatch(id -> id == null || id.isBlank())) {
        throw invalid("events", "event ids must be non-empty strings");
      }
    }
  }

  static void update(AlertRequests.Update body) {
    if (body == null
        || (body.status() == null
            && body.closeReason() == null
            && body.assignee() == null
            && body.notes() == null
            && body.tags() == null
            && body.severity() == null)) {
      throw ApiException.badRequest(
          "nothing to update: send status, close_reason, assignee, notes, tags or severity");
    }
    if (body.status() != null && !AlertTriage.STATUSES.contains(body.status())) {
      throw invalid("status", "must be one of " + AlertTriage.STATUSES);
    }
    if (Alert.CLOSED.equals(body.status()) && body.closeReason() == null) {
      throw invalid(
          "close_reason", "is required when closing, one of " + AlertTriage.CLOSE_REASONS);
    }
    if (body.closeReason() != null && !AlertTriage.CLOSE_REASONS.contains(body.closeReason())) {
      throw invalid("close_reason", "must be one of " + AlertTriage.CLOSE_REASONS);
    }
    if (body.severity() != null) {
      severity(body.severity());
    }
    if (body.notes() != null && body.notes().length() > MAX_TEXT) {
      throw invalid("notes", "must be at most " + MAX_TEXT + " characters");
    }
    tags(body.tags());
  }

  /** Case-insensitive ({@code HIGH} is {@code high}); see {@link #severityName}. */
  static void severity(String severity) {
    if (Severity.parse(severity).isEmpty()) {
      throw invalid("severity", "must be one of low, medium, high, critical");
    }
  }

  private static void tags(List<String> tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > MAX_TAGS) {
      throw invalid("tags", "at most " + MAX_TAGS + " tags");
    }
    if (tags.stream().anyMatch(t -> t == null || t.isBlank() || t.length() > 100)) {
      throw invalid("tags", "tags must be non-empty strings of at most 100 characters");
    }
  }

  static ApiException invalid(String field, String reason) {
    return ApiException.badRequest(field + " " + reason, Map.of("field", field, "reason", reason));
  }

  /** The wire name ({@code high}) of a valid severity in any case; null stays null. */
  static String severityName(String severity) {
    return severity == null
        ? null
        : Severity.parse(severity).map(Severity::wireName).orElse(severity);
  }
}
