package io.tocsin.api.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.user.User;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Tasks of a case. Each write is a replace under an optimistic version check, published as {@code
 * task.*}, and then recorded on the case (audit entries, progress), which publishes {@code
 * case.updated}.
 */
@Service
class TaskService {

  private static final int MAX_ATTEMPTS = 100;

  private final CaseStore store;
  private final CaseWriter writer;
  private final CaseActivity activity;
  private final CaseAssignees assignees;
  private final ApplicationEventPublisher events;

  TaskService(
      CaseStore store,
      CaseWriter writer,
      CaseActivity activity,
      CaseAssignees assignees,
      ApplicationEventPublisher events) {
    this.store = store;
    this.writer = writer;
    this.activity = activity;
    this.assignees = assignees;
    this.events = events;
  }

  CaseBodies.TaskView create(CurrentPrincipal who, CaseRequests.Task body) {
    CaseValidation.task(body, true);
    String tenant = who.tenantId();
    String caseId = body.projectId().trim();
    store.find(tenant, caseId).orElseThrow(() -> ApiException.notFound("Project"));
    CaseAssignees.Assignment assignee = assignees.resolve(tenant, "assignee", body.assignee());
    Instant now = writer.now();
    CaseTask t = new CaseTask();
    t.id = "task_" + UUID.randomUUID().toString().replace("-", "");
    t.tenantId = tenant;
    t.projectId = caseId;
    t.title = body.title().trim();
    t.description = body.description();
    t.status = body.status() == null ? "todo" : CaseValidation.lower(body.status());
    t.priority = body.priority() == null ? "medium" : CaseValidation.lower(body.priority());
    t.storyPoints = body.storyPoints();
    assign(t, assignee.user());
    t.dueDate = CaseDates.parse("due_date", blankToNull(body.dueDate()));
    t.createdAt = now;
    t.updatedAt = now;
    t.createdBy = who.userId();
    t.version = 1;
    store.insert(t);
    publish(CaseChanged.TASK_CREATED, t);
    activity.taskChanged(
        tenant, caseId, List.of(Audit.entry(now, who, "task_created", t.id, null, t.title)));
    return CaseBodies.TaskView.of(t);
  }

  CaseBodies.TaskView get(String tenantId, String id) {
    return CaseBodies.TaskView.of(find(tenantId, id));
  }

  CaseBodies.TaskPage list(
      String tenantId, String projectId, String status, String assignee, Paging paging) {
    Criteria filter = where("tenantId").is(tenantId);
    if (projectId != null && !projectId.isBlank()) {
      store.find(tenantId, projectId.trim()).orElseThrow(() -> ApiException.notFound("Project"));
      filter = filter.and("projectId").is(projectId.trim());
    }
    if (status != null && !status.isBlank()) {
      String s = CaseValidation.lower(status);
      if (!CaseValidation.TASK_STATUSES.contains(s)) {
        throw CaseValidation.invalid("status", "must be one of " + CaseValidation.TASK_STATUSES);
      }
      filter = filter.and("status").is(s);
    }
    if (assignee != null && !assignee.isBlank()) {
      User u = assignees.resolve(tenantId, "assignee", assignee).user();
      filter = filter.and("assigneeId").is(u.getId());
    }
    List<CaseBodies.TaskView> page =
        store.pageTasks(filter, paging.limit(), paging.offset()).stream()
            .map(CaseBodies.TaskView::of)
            .toList();
    return new CaseBodies.TaskPage(
        page, PageInfo.of(paging, store.countTasks(filter), page.size()));
  }

  CaseBodies.TaskView update(CurrentPrincipal who, String id, CaseRequests.Task body) {
    CaseValidation.task(body, false);
    String tenant = who.tenantId();
    CaseAssignees.Assignment assignee = assignees.resolve(tenant, "assignee", body.assignee());
    Instant due = CaseDates.parse("due_date", blankToNull(body.dueDate()));
    boolean clearDue = body.dueDate() != null && body.dueDate().isBlank();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      CaseTask t = find(tenant, id);
      if (body.projectId() != null && !body.projectId().trim().equals(t.projectId)) {
        throw CaseValidation.invalid("project_id", "a task cannot move to another project");
      }
      long expected = t.version;
      Instant now = writer.now();
      List<CaseAuditEntry> log = new ArrayList<>();
      if (body.title() != null) {
        Audit.changed(log, now, who, "task.title", id, t.title, body.title().trim());
        t.title = body.title().trim();
      }
      if (body.description() != null) {
        Audit.changed(log, now, who, "task.description", id, t.description, body.description());
        t.description = body.description();
      }
      if (body.status() != null) {
        String s = CaseValidation.lower(body.status());
        Audit.changed(log, now, who, "task.status", id, t.status, s);
        t.status = s;
      }
      if (body.priority() != null) {
        String p = CaseValidation.lower(body.priority());
        Audit.changed(log, now, who, "task.priority", id, t.priority, p);
        t.priority = p;
      }
      if (body.storyPoints() != null) {
        Audit.changed(log, now, who, "task.story_points", id, t.storyPoints, body.storyPoints());
        t.storyPoints = body.storyPoints();
      }
      if (assignee.change()) {
        User u = assignee.user();
        Audit.changed(
            log, now, who, "task.assignee", id, t.assigneeName, u == null ? null : u.getUsername());
        assign(t, u);
      }
      Instant newDue = clearDue ? null : due == null ? t.dueDate : due;
      Audit.changed(log, now, who, "task.due_date", id, t.dueDate, newDue);
      t.dueDate = newDue;
      if (log.isEmpty()) {
        return CaseBodies.TaskView.of(t);
      }
      t.version = expected + 1;
      t.updatedAt = now;
      if (store.replace(t, expected)) {
        publish(CaseChanged.TASK_UPDATED, t);
        activity.taskChanged(tenant, t.projectId, log);
        return CaseBodies.TaskView.of(t);
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("task " + id + " is changing too fast to update");
  }

  private CaseTask find(String tenantId, String id) {
    return store.findTask(tenantId, id).orElseThrow(() -> ApiException.notFound("Task"));
  }

  private void publish(String type, CaseTask t) {
    events.publishEvent(new CaseChanged(t.tenantId, type, CaseViews.task(t)));
  }

  private static void assign(CaseTask t, User u) {
    t.assigneeId = u == null ? null : u.getId();
    t.assigneeName = u == null ? null : u.getUsername();
    t.assigneeEmail = u == null ? null : u.getEmail();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
