package io.tocsin.api.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.alert.AlertCases;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.user.User;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Cases (CyberPulse projects): create, read, list and update, every change audited. */
@Service
class CaseService {

  private final CaseWriter writer;
  private final CaseStore store;
  private final CaseAssignees assignees;
  private final AlertCases alerts;

  CaseService(CaseWriter writer, CaseStore store, CaseAssignees assignees, AlertCases alerts) {
    this.writer = writer;
    this.store = store;
    this.assignees = assignees;
    this.alerts = alerts;
  }

  CaseBodies.ProjectDetail create(CurrentPrincipal who, CaseRequests.Project body) {
    CaseValidation.project(body, true);
    String tenant = who.tenantId();
    CaseAssignees.Assignment assignee = assignees.resolve(tenant, field(body), body.who());
    Instant start = CaseDates.parse("start_date", body.startDate());
    Instant end = CaseDates.parse("end_date", blankToNull(body.endDate()));
    checkDates(start, end);
    String id = "cas_" + UUID.randomUUID().toString().replace("-", "");
    List<String> alertIds =
        body.alertIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(body.alertIds()));
    List<AlertCases.Summary> attached = alerts.checkAttachable(tenant, id, alertIds);
    Instant now = writer.now();
    Case c = new Case();
    c.id = id;
    c.tenantId = tenant;
    c.name = body.name().trim();
    c.description = body.description();
    c.status = orDefault(body.status(), "planning");
    c.priority = orDefault(body.priority(), "medium");
    c.startDate = start;
    c.endDate = end;
    assign(c, assignee.user());
    c.teamMembers = body.teamMembers() == null ? new ArrayList<>() : trimmed(body.teamMembers());
    c.tags = body.tags() == null ? new ArrayList<>() : trimmed(body.tags());
    c.alertIds = new ArrayList<>(alertIds);
    c.severity = AlertCases.highestSeverity(attached).orElse(null);
    c.createdAt = now;
    c.updatedAt = now;
    c.createdBy = who.userId();
    c.audit.add(Audit.entry(now, who, "created", null, null, c.status));
    if (!alertIds.isEmpty()) {
      c.audit.add(Audit.entry(now, who, "alerts_attached", null, null, String.join(",", alertIds)));
    }
    alerts.attach(who, id, alertIds); // claimed first: a lost race leaves no case behind
    writer.create(c);
    return detail(c);
  }

  CaseBodies.ProjectDetail get(String tenantId, String id) {
    return detail(find(tenantId, id));
  }

  CaseBodies.ProjectPage list(String tenantId, String status, String assignee, Paging paging) {
    Criteria filter = where("tenantId").is(tenantId);
    if (status != null && !status.isBlank()) {
      String s = CaseValidation.lower(status);
      if (!CaseValidation.STATUSES.contains(s)) {
        throw CaseValidation.invalid("status", "must be one of " + CaseValidation.STATUSES);
      }
      filter = filter.and("status").is(s);
    }
    if (assignee != null && !assignee.isBlank()) {
      CaseAssignees.Assignment a = assignees.resolve(tenantId, "assignee", assignee);
      filter = filter.and("assigneeId").is(a.user().getId());
    }
    List<CaseBodies.ProjectSummary> page =
        store.page(filter, paging.limit(), paging.offset()).stream()
            .map(CaseBodies.ProjectSummary::of)
            .toList();
    return new CaseBodies.ProjectPage(page, PageInfo.of(paging, store.count(filter), page.size()));
  }

  CaseBodies.ProjectDetail update(CurrentPrincipal who, String id, CaseRequests.Project body) {
    CaseValidation.project(body, false);
    CaseAssignees.Assignment assignee = assignees.resolve(who.tenantId(), field(body), body.who());
    Instant start = CaseDates.parse("start_date", body.startDate());
    Instant end = CaseDates.parse("end_date", blankToNull(body.endDate()));
    boolean clearEnd = body.endDate() != null && body.endDate().isBlank();
    Resolved resolved = new Resolved(start, end, clearEnd, assignee);
    Case updated =
        writer
            .mutate(who.tenantId(), id, (c, now) -> edit(c, now, who, body, resolved))
            .orElseThrow(() -> ApiException.notFound("Project"));
    return detail(updated);
  }

  /**
   * What an update body means once parsed and checked against the tenant, before the case is read.
   *
   * @param start new start date, null to keep it
   * @param end new end date, null to keep it
   * @param clearEnd whether {@code end_date} was sent empty
   * @param assignee the assignee change
   */
  private record Resolved(
      Instant start, Instant end, boolean clearEnd, CaseAssignees.Assignment assignee) {}

  /** Applies the fields the body sends, auditing each that changes; false when none did. */
  private static boolean edit(
      Case c, Instant now, CurrentPrincipal who, CaseRequests.Project body, Resolved r) {
    List<CaseAuditEntry> log = c.audit;
    int before = log.size();
    if (body.name() != null) {
      Audit.changed(log, now, who, "name", null, c.name, body.name().trim());
      c.name = body.name().trim();
    }
    if (body.description() != null) {
      Audit.changed(log, now, who, "description", null, c.description, body.description());
      c.description = body.description();
    }
    if (body.status() != null) {
      String s = CaseValidation.lower(body.status());
      Audit.changed(log, now, who, "status", null, c.status, s);
      c.status = s;
    }
    if (body.priority() != null) {
      String p = CaseValidation.lower(body.priority());
      Audit.changed(log, now, who, "priority", null, c.priority, p);
      c.priority = p;
    }
    Instant start = r.start() == null ? c.startDate : r.start();
    Instant end = r.clearEnd() ? null : r.end() == null ? c.endDate : r.end();
    checkDates(start, end);
    Audit.changed(log, now, who, "start_date", null, c.startDate, start);
    Audit.changed(log, now, who, "end_date", null, c.endDate, end);
    c.startDate = start;
    c.endDate = end;
    if (r.assignee().change()) {
      User u = r.assignee().user();
      String name = u == null ? null : u.getUsername();
      Audit.changed(log, now, who, "assignee", null, c.assigneeName, name);
      assign(c, u);
    }
    if (body.teamMembers() != null) {
      List<String> members = trimmed(body.teamMembers());
      Audit.changed(log, now, who, "team_members", null, c.teamMembers, members);
      c.teamMembers = members;
    }
    if (body.tags() != null) {
      List<String> tags = trimmed(body.tags());
      Audit.changed(log, now, who, "tags", null, c.tags, tags);
      c.tags = tags;
    }
    return log.size() > before;
  }

  /** The detail view, with the current title, severity and status of each attached alert. */
  CaseBodies.ProjectDetail detail(Case c) {
    return CaseBodies.ProjectDetail.of(
        c, alerts.summaries(c.tenantId, new LinkedHashSet<>(c.alertIds)));
  }

  Case find(String tenantId, String id) {
    return store.find(tenantId, id).orElseThrow(() -> ApiException.notFound("Project"));
  }

  private static void assign(Case c, User u) {
    c.assigneeId = u == null ? null : u.getId();
    c.assigneeName = u == null ? null : u.getUsername();
    c.assigneeEmail = u == null ? null : u.getEmail();
  }

  private static String field(CaseRequests.Project body) {
    return body.assignee() == null && body.owner() != null ? "owner" : "assignee";
  }

  private static void checkDates(Instant start, Instant end) {
    if (start != null && end != null && end.isBefore(start)) {
      throw CaseValidation.invalid("end_date", "must not be before start_date");
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : CaseValidation.lower(value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static List<String> trimmed(List<String> values) {
    return new ArrayList<>(values.stream().map(String::trim).distinct().toList());
  }
}
