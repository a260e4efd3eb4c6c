package io.tocsin.api.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CaseChanged} listeners (webhooks, streams) get: cases and tasks as plain maps with
 * the API's snake_case keys, the same fields as {@link CaseBodies}' summary and task.
 */
final class CaseViews {

  private CaseViews() {}

  /** The case without comments and audit, as {@link CaseBodies.ProjectSummary}. */
  static Map<String, Object> summary(Case c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", c.id);
    v.put("name", c.name);
    v.put("description", c.description == null ? "" : c.description);
    v.put("status", c.status);
    v.put("priority", c.priority);
    v.put("severity", c.severity);
    v.put("start_date", c.startDate);
    v.put("end_date", c.endDate);
    v.put("owner", c.assigneeEmail);
    v.put("assignee", c.assigneeEmail);
    v.put("assignee_id", c.assigneeId);
    v.put("assignee_name", c.assigneeName);
    v.put("team_members", List.copyOf(c.teamMembers));
    v.put("tags", List.copyOf(c.tags));
    v.put("alert_ids", List.copyOf(c.alertIds));
    v.put("alert_count", c.alertIds.size());
    v.put("progress", c.progress);
    v.put("comment_count", c.comments.size());
    v.put("created_at", c.createdAt);
    v.put("updated_at", c.updatedAt);
    v.put("created_by", c.createdBy);
    v.put("version", c.version);
    return v;
  }

  /** What {@link CaseChanged} carries for a case write: its summary and the write's entries. */
  static Map<String, Object> change(Case c, List<CaseAuditEntry> changes) {
    Map<String, Object> v = summary(c);
    v.put("changes", changes.stream().map(CaseViews::audit).toList());
    return v;
  }

  static Map<String, Object> task(CaseTask t) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", t.id);
    v.put("title", t.title);
    v.put("description", t.description == null ? "" : t.description);
    v.put("project_id", t.projectId);
    v.put("status", t.status);
    v.put("priority", t.priority);
    v.put("story_points", t.storyPoints);
    v.put("assignee", t.assigneeEmail);
    v.put("assignee_id", t.assigneeId);
    v.put("assignee_name", t.assigneeName);
    v.put("due_date", t.dueDate);
    v.put("created_at", t.createdAt);
    v.put("updated_at", t.updatedAt);
    v.put("created_by", t.createdBy);
    v.put("version", t.version);
    return v;
  }

  private static Map<String, Object> audit(CaseAuditEntry e) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("at", e.at());
    v.put("user_id", e.userId());
    v.put("username", e.username());
    v.put("action", e.action());
    v.put("target", e.target());
    v.put("from", e.from());
    v.put("to", e.to());
    return v;
  }
}
