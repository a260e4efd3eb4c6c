package io.tocsin.api.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.alert.AlertBodies.AlertActionView;
import io.tocsin.api.alert.AlertBodies.AlertCounts;
import io.tocsin.api.alert.AlertBodies.AlertDetail;
import io.tocsin.api.alert.AlertBodies.AlertPage;
import io.tocsin.api.alert.AlertBodies.AlertView;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.PageCursor;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/alerts}: list, detail, manual create, triage update, response actions. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Triage alerts: list, count, read, raise, update, respond")
class AlertController {

  private final AlertQueries queries;
  private final AlertTriage triage;
  private final AlertResponses responses;
  private final AlertConditions conditions;

  AlertController(
      AlertQueries queries,
      AlertTriage triage,
      AlertResponses responses,
      AlertConditions conditions) {
    this.queries = queries;
    this.triage = triage;
    this.responses = responses;
    this.conditions = conditions;
  }

  @GetMapping
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List alerts, newest first, by offset or cursor")
  AlertPage listAlerts(
      CurrentPrincipal principal,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String severity,
      @RequestParam(name = "start_time", required = false) String startTime,
      @RequestParam(name = "end_time", required = false) String endTime,
      @RequestParam(name = "policy_id", required = false) String policyId,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String condition,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Long offset,
      @RequestParam(required = false) String cursor) {
    if (status != null && !AlertTriage.STATUSES.contains(status)) {
      throw AlertValidation.invalid("status", "must be one of " + AlertTriage.STATUSES);
    }
    AlertStore.Order order =
        sort == null || sort.isBlank()
            ? AlertStore.Order.NEWEST
            : AlertStore.Order.fromWire(sort.trim())
                .orElseThrow(
                    () ->
                        AlertValidation.invalid(
                            "sort",
                            "must be one of -created_at, created_at, -risk_score, -updated_at"));
    AlertQueries.Filter filter =
        filter(
            principal, status, severity, startTime, endTime, policyId, hostId, assignee, tag,
            condition);
    if (limit != null && (limit < 1 || limit > Paging.MAX_LIMIT)) {
      throw AlertValidation.invalid("limit", "must be between 1 and " + Paging.MAX_LIMIT);
    }
    if (offset != null && offset < 0) {
      throw AlertValidation.invalid("offset", "must not be negative");
    }
    int size = Paging.clampedLimit(limit);
    long skip = offset == null ? 0 : offset;
    PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
    AlertQueries.Page page = queries.list(principal.tenantId(), filter, order, size, skip, after);
    // A cursor replaces the offset, so a page read by cursor has none.
    PageInfo info =
        new PageInfo(
            page.total(), size, after == null ? skip : null, page.hasMore(), page.nextCursor());
    return new AlertPage(page.alerts(), page.alerts(), info);
  }

  /** The number of alerts per status under the list's other filters: the queue's tab counts. */
  @GetMapping("/counts")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Count alerts per status under the list's filters")
  AlertCounts countAlertsByStatus(
      CurrentPrincipal principal,
      @RequestParam(required = false) String severity,
      @RequestParam(name = "start_time", required = false) String startTime,
      @RequestParam(name = "end_time", required = false) String endTime,
      @RequestParam(name = "policy_id", required = false) String policyId,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String condition) {
    AlertQueries.Filter filter =
        filter(
            principal, null, severity, startTime, endTime, policyId, hostId, assignee, tag,
            condition);
    Map<String, Long> counts = queries.countsByStatus(principal.tenantId(), filter);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new AlertCounts(counts, total);
  }

  private AlertQueries.Filter filter(
      CurrentPrincipal principal,
      String status,
      String severity,
      String startTime,
      String endTime,
      String policyId,
      String hostId,
      String assignee,
      String tag,
      String condition) {
    if (severity != null) {
      AlertValidation.severity(severity);
    }
    return new AlertQueries.Filter(
        status,
        AlertValidation.severityName(severity),
        time("start_time", startTime),
        time("end_time", endTime),
        blankToNull(policyId),
        blankToNull(hostId),
        blankToNull(assignee),
        blankToNull(tag),
        condition == null || condition.isBlank()
            ? null
            : conditions.criteria(principal.tenantId(), condition));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @GetMapping("/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Read an alert with its triggering events")
  AlertDetail getAlert(CurrentPrincipal principal, @PathVariable String id) {
    return queries.detail(principal.tenantId(), id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Raise an alert by hand")
  AlertDetail createAlert(CurrentPrincipal principal, @RequestBody AlertRequests.Create body) {
    Alert created = triage.create(principal, body);
    return queries.detail(principal.tenantId(), created.id);
  }

  @PutMapping("/{id}")
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Triage an alert: status, assignee, note, tags, severity")
  AlertView updateAlert(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody AlertRequests.Update body) {
    return AlertView.of(triage.update(principal, id, body));
  }

  @PostMapping("/{id}/actions")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Queue a response action on the alert's host")
  AlertActionView runAlertAction(
      CurrentPrincipal principal, @PathVariable String id, @RequestBody AlertRequests.Action body) {
    return responses.requestAction(principal, id, body);
  }

  static Instant time(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          field + " must be an ISO-8601 timestamp such as 2025-08-29T10:30:00Z",
          Map.of("field", field, "reason", "not an ISO-8601 timestamp"));
    }
  }
}
