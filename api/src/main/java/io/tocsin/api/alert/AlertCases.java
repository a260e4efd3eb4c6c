package io.tocsin.api.alert;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.engine.policy.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The alert side of case management ({@code io.tocsin.api.cases}): an alert belongs to at most one
 * case, whose id it carries as {@code case_id} and whose attachment its history records.
 */
@Service
public class AlertCases {

  /** Alerts one request may attach. */
  public static final int MAX_PER_REQUEST = 500;

  private final AlertStore store;
  private final AlertWriter writer;

  AlertCases(AlertStore store, AlertWriter writer) {
    this.store = store;
    this.writer = writer;
  }

  /**
   * What a case shows of an attached alert.
   *
   * @param id alert id
   * @param title title
   * @param severity {@code low|medium|high|critical}
   * @param status {@code open|acknowledged|closed}
   * @param caseId the case it belongs to, null when none
   */
  public record Summary(String id, String title, String severity, String status, String caseId) {}

  /**
   * Checks that every id is an alert of the tenant that is in no other case than {@code caseId};
   * throws a 400 naming the offending ids otherwise, before anything changes.
   */
  public List<Summary> checkAttachable(String tenantId, String caseId, List<String> alertIds) {
    Set<String> ids = new LinkedHashSet<>(alertIds);
    List<Summary> found = summaries(tenantId, ids);
    Set<String> unknown = new LinkedHashSet<>(ids);
    found.forEach(s -> unknown.remove(s.id()));
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "no alert " + unknown + " in this tenant",
          Map.of(
              "field", "alert_ids", "reason", "unknown alert", "alert_ids", List.copyOf(unknown)));
    }
    List<String> elsewhere =
        found.stream()
            .filter(s -> s.caseId() != null && !s.caseId().equals(caseId))
            .map(s -> s.id() + " (in " + s.caseId() + ")")
            .toList();
    if (!elsewhere.isEmpty()) {
      throw ApiException.badRequest(
          "alerts " + elsewhere + " already belong to another case",
          Map.of(
              "field", "alert_ids", "reason", "already in another case", "alert_ids", elsewhere));
    }
    return found;
  }

  /**
   * Claims each alert for {@code caseId} (an audited change; alerts already in it are skipped). The
   * alert's {@code case_id} is the truth about membership and each claim is atomic, so of two cases
   * racing for an alert exactly one gets it: the loser's claims are released again and it gets the
   * 400, before its case lists any of them.
   */
  public void attach(CurrentPrincipal who, String caseId, List<String> alertIds) {
    List<String> claimed = new ArrayList<>();
    try {
      for (String id : new LinkedHashSet<>(alertIds)) {
        boolean[] changed = new boolean[1];
        Optional<Alert> found =
            writer.mutate(
                who.tenantId(),
                id,
                (a, now) -> {
                  changed[0] = false;
                  if (caseId.equals(a.caseId)) {
                    return null;
                  }
                  if (a.caseId != null) {
                    throw ApiException.badRequest(
                        "alert " + id + " was just attached to case " + a.caseId,
                        Map.of("field", "alert_ids", "reason", "already in another case"));
                  }
                  a.caseId = caseId;
                  a.history.add(AlertTriage.entry(now, who, "case", null, caseId));
                  AlertTriage.boundHistory(a);
                  changed[0] = true;
                  return AlertChange.UPDATED;
                });
        if (found.isEmpty()) {
          throw ApiException.badRequest(
              "alert " + id + " no longer exists",
              Map.of("field", "alert_ids", "reason", "unknown alert"));
        }
        if (changed[0]) {
          claimed.add(id);
        }
      }
    } catch (ApiException lost) {
      claimed.forEach(id -> release(who, caseId, id));
      throw lost;
    }
  }

  private void release(CurrentPrincipal who, String caseId, String id) {
    writer.mutate(
        who.tenantId(),
        id,
        (a, now) -> {
          if (!caseId.equals(a.caseId)) {
            return null;
          }
          a.caseId = null;
          a.history.add(AlertTriage.entry(now, who, "case", caseId, null));
          AlertTriage.boundHistory(a);
          return AlertChange.UPDATED;
        });
  }

  /** The tenant's alerts among {@code ids}, in no particular order. */
  public List<Summary> summaries(String tenantId, Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return store.findAll(tenantId, ids, "title", "severity", "status", "caseId").stream()
        .map(a -> new Summary(a.id, a.title, a.severity, a.status, a.caseId))
        .toList();
  }

  /** The highest severity among {@code alerts}, empty when there are none. */
  public static Optional<String> highestSeverity(List<Summary> alerts) {
    return alerts.stream()
        .map(s -> Severity.parse(s.severity()))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder())
        .map(Severity::wireName);
  }
}
