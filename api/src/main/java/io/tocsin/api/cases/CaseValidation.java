package io.tocsin.api.cases;

import io.tocsin.api.alert.AlertCases;
import io.tocsin.api.error.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks case and task bodies; every failure is a 400 naming the field. */
final class CaseValidation {

  static final List<String> STATUSES =
      List.of("planning", "active", "on_hold", "completed", "cancelled");
  static final List<String> TASK_STATUSES = List.of("todo", "in_progress", "review", "done");
  static final List<String> PRIORITIES = List.of("low", "medium", "high", "critical");
  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 10_000;
  static final int MAX_LIST = 100;
  static final int MAX_STORY_POINTS = 1000;

  private CaseValidation() {}

  static void project(CaseRequests.Project body, boolean create) {
    if (body == null) {
      throw ApiException.badRequest("a JSON object body is required");
    }
    if (create || body.name() != null) {
      text("name", body.name(), MAX_NAME, true);
    }
    text("description", body.description(), MAX_TEXT, false);
    oneOf("status", body.status(), STATUSES);
    oneOf("priority", body.priority(), PRIORITIES);
    if (body.assignee() != null && body.owner() != null && !body.assignee().equals(body.owner())) {
      throw invalid("owner", "differs from assignee; send one of them");
    }
    strings("team_members", body.teamMembers(), MAX_LIST);
    strings("tags", body.tags(), MAX_LIST);
    if (!create && body.alertIds() != null) {
      throw invalid("alert_ids", "attach alerts with POST /projects/{id}/alerts");
    }
    alertIds(body.alertIds());
  }

  static void alertIds(List<String> ids) {
    if (ids == null) {
      return;
    }
    if (ids.size() > AlertCases.MAX_PER_REQUEST) {
      throw invalid("alert_ids", "at most " + AlertCases.MAX_PER_REQUEST + " per request");
    }
    if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
      throw invalid("alert_ids", "alert ids must be non-empty strings");
    }
  }

  static void task(CaseRequests.Task body, boolean create) {
    if (body == null) {
      throw ApiException.badRequest("a JSON object body is required");
    }
    if (create || body.title() != null) {
      text("title", body.title(), MAX_NAME, true);
    }
    if (create && (body.projectId() == null || body.projectId().isBlank())) {
      throw invalid("project_id", "is required");
    }
    text("description", body.description(), MAX_TEXT, false);
    oneOf("status", body.status(), TASK_STATUSES);
    oneOf("priority", body.priority(), PRIORITIES);
    Integer points = body.storyPoints();
    if (points != null && (points < 0 || points > MAX_STORY_POINTS)) {
      throw invalid("story_points", "must be between 0 and " + MAX_STORY_POINTS);
    }
  }

  static void comment(String text) {
    text("text", text, MAX_TEXT, true);
  }

  /** The lower-case form of an enumerated value ({@code HIGH} is {@code high}). */
  static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  private static void oneOf(String field, String value, List<String> allowed) {
    if (value != null && !allowed.contains(lower(value))) {
      throw invalid(field, "must be one of " + allowed);
    }
  }

  private static void text(String field, String value, int max, boolean required) {
    if (required && (value == null || value.isBlank())) {
      throw invalid(field, "is required");
    }
    if (value != null && value.length() > max) {
      throw invalid(field, "must be at most " + max + " characters");
    }
  }

  private static void strings(String field, List<String> values, int max) {
    if (values == null) {
      return;
    }
    if (values.size() > max) {
      throw invalid(field, "at most " + max + " entries");
    }
    if (values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > MAX_NAME)) {
      throw invalid(
          field, "entries must be non-empty strings of at most " + MAX_NAME + " characters");
    }
  }

  static ApiException invalid(String field, String reason) {
    return ApiException.badRequest(field + " " + reason, Map.of("field", field, "reason", reason));
  }
}
