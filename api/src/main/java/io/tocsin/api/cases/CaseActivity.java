package io.tocsin.api.cases;

import io.tocsin.api.alert.AlertCases;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What happens to a case besides editing its fields: alerts merged into it, comments, its tasks'
 * changes (which move its progress) and its alerts' severities (which set its own).
 */
@Service
class CaseActivity {

  static final int MAX_COMMENTS = 1000;

  private final CaseWriter writer;
  private final CaseStore store;
  private final AlertCases alerts;

  CaseActivity(CaseWriter writer, CaseStore store, AlertCases alerts) {
    this.writer = writer;
    this.store = store;
    this.alerts = alerts;
  }

  /**
   * Merges alerts into the case: all are checked first (unknown ids and alerts of another case are
   * a 400 and nothing changes), then each alert is claimed for the case (its {@code case_id}), then
   * the case lists them and takes the highest severity.
   */
  CaseBodies.ProjectDetail attach(CurrentPrincipal who, String id, CaseRequests.AttachAlerts body) {
    List<String> requested = body == null ? null : body.alertIds();
    if (requested == null || requested.isEmpty()) {
      throw CaseValidation.invalid("alert_ids", "must list at least one alert id");
    }
    CaseValidation.alertIds(requested);
    List<String> ids = List.copyOf(new LinkedHashSet<>(requested));
    String tenant = who.tenantId();
    store.find(tenant, id).orElseThrow(() -> ApiException.notFound("Project"));
    alerts.checkAttachable(tenant, id, ids);
    alerts.attach(who, id, ids);
    Case updated =
        writer
            .mutate(
                tenant,
                id,
                (c, now) -> {
                  List<String> added = ids.stream().filter(a -> !c.alertIds.contains(a)).toList();
                  if (added.isEmpty()) {
                    return false;
                  }
                  c.alertIds.addAll(added);
                  c.audit.add(
                      Audit.entry(
                          now, who, "alerts_attached", null, null, String.join(",", added)));
                  setSeverity(c, now, who);
                  return true;
                })
            .orElseThrow(() -> ApiException.notFound("Project"));
    return CaseBodies.ProjectDetail.of(
        updated, alerts.summaries(tenant, new LinkedHashSet<>(updated.alertIds)));
  }

  CaseBodies.ProjectComment comment(CurrentPrincipal who, String id, CaseRequests.Comment body) {
    String text = body == null ? null : body.body();
    CaseValidation.comment(text);
    CaseComment[] added = new CaseComment[1];
    writer
        .mutate(
            who.tenantId(),
            id,
            (c, now) -> {
              if (c.comments.size() >= MAX_COMMENTS) {
                throw CaseValidation.invalid(
                    "text", "the case already has " + MAX_COMMENTS + " comments");
              }
              added[0] =
                  new CaseComment(
                      "cmt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
                      text,
                      who.userId(),
                      who.username(),
                      now);
              c.comments.add(added[0]);
              c.audit.add(
                  Audit.entry(now, who, "comment", added[0].id(), null, Audit.abbreviate(text)));
              return true;
            })
        .orElseThrow(() -> ApiException.notFound("Project"));
    return CaseBodies.ProjectComment.of(added[0]);
  }

  /** Records a task's audit entries on its case and recomputes the case's progress. */
  void taskChanged(String tenantId, String caseId, List<CaseAuditEntry> entries) {
    writer.mutate(
        tenantId,
        caseId,
        (c, now) -> {
          c.audit.addAll(entries);
          c.progress = progress(store.tasksOf(tenantId, caseId));
          return true;
        });
  }

  /** Follows a change of an attached alert: the case's severity is its alerts' highest. */
  void alertChanged(String tenantId, String caseId) {
    writer.mutate(tenantId, caseId, (c, now) -> setSeverity(c, now, null));
  }

  private boolean setSeverity(Case c, Instant now, CurrentPrincipal who) {
    String highest =
        AlertCases.highestSeverity(alerts.summaries(c.tenantId, new LinkedHashSet<>(c.alertIds)))
            .orElse(null);
    List<CaseAuditEntry> log = new ArrayList<>();
    if (!Audit.changed(log, now, who, "severity", null, c.severity, highest)) {
      return false;
    }
    c.audit.addAll(log);
    c.severity = highest;
    return true;
  }

  /**
   * Percent of story points done, rounded down (100 only when everything is done). A task without
   * story points weighs 1; when every task weighs 0, the share of done tasks counts instead.
   */
  static int progress(List<CaseTask> tasks) {
    long total = 0;
    long done = 0;
    for (CaseTask t : tasks) {
      int weight = t.storyPoints == null ? 1 : t.storyPoints;
      total += weight;
      done += CaseTask.DONE.equals(t.status) ? weight : 0;
    }
    if (total == 0) {
      total = tasks.size();
      done = tasks.stream().filter(t -> CaseTask.DONE.equals(t.status)).count();
    }
    return total == 0 ? 0 : (int) (100 * done / total);
  }
}
