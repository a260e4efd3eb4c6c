package io.tocsin.api.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.user.User;
import io.tocsin.api.web.PageCursor;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Reads alerts: the filtered list and the detail with triggering events. */
@Service
class AlertQueries {

  private static final int MAX_DETAIL_EVENTS = 100;

  /**
   * Filters of {@code GET /alerts}; null means "any".
   *
   * @param status status
   * @param severity severity
   * @param from created at or after
   * @param to created before
   * @param policyId policy
   * @param hostId host
   * @param assignee user id, username or email
   * @param tag one of the alert's tags
   * @param condition a condition-language filter on the triggering events, see {@link
   *     AlertConditions}
   */
  record Filter(
      String status,
      String severity,
      Instant from,
      Instant to,
      String policyId,
      String hostId,
      String assignee,
      String tag,
      Criteria condition) {

    Filter(
        String status,
        String severity,
        Instant from,
        Instant to,
        String policyId,
        String hostId,
        String assignee) {
      this(status, severity, from, to, policyId, hostId, assignee, null, null);
    }

    Filter withStatus(String newStatus) {
      return new Filter(newStatus, severity, from, to, policyId, hostId, assignee, tag, condition);
    }
  }

  /**
   * One page of alerts.
   *
   * @param alerts the alerts' views
   * @param total how many match the filter (whatever the page)
   * @param hasMore whether more follow this page
   * @param nextCursor where the next page starts, or null
   */
  record Page(List<AlertBodies.AlertView> alerts, long total, boolean hasMore, String nextCursor) {}

  private final AlertStore store;
  private final EventStore events;
  private final Assignees assignees;

  AlertQueries(AlertStore store, EventStore events, Assignees assignees) {
    this.store = store;
    this.events = events;
    this.assignees = assignees;
  }

  /** Newest first; {@code after} (a cursor) wins over {@code offset}. */
  Page list(String tenantId, Filter f, int limit, long offset, PageCursor after) {
    return list(tenantId, f, AlertStore.Order.NEWEST, limit, offset, after);
  }

  /**
   * In {@code order}; cursors page the two {@code created_at} orders, the others page by offset.
   */
  Page list(
      String tenantId, Filter f, AlertStore.Order order, int limit, long offset, PageCursor after) {
    Optional<Criteria> built = criteria(tenantId, f);
    if (built.isEmpty()) {
      return new Page(List.of(), 0, false, null);
    }
    Criteria c = built.get();
    long total = store.count(c);
    boolean byCursor = order.cursored();
    if (after != null && byCursor) {
      boolean desc = order == AlertStore.Order.NEWEST;
      c =
          c.andOperator(
              new Criteria()
                  .orOperator(
                      desc ? where("createdAt").lt(after.ts()) : where("createdAt").gt(after.ts()),
                      desc
                          ? where("createdAt").is(after.ts()).and("_id").lt(after.id())
                          : where("createdAt").is(after.ts()).and("_id").gt(after.id())));
    }
    List<Alert> found = store.page(c, order, limit + 1, after == null ? offset : 0);
    boolean hasMore = found.size() > limit;
    List<Alert> shown = hasMore ? found.subList(0, limit) : found;
    Alert last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
    String next = hasMore && byCursor ? new PageCursor(last.createdAt, last.id).encode() : null;
    return new Page(shown.stream().map(AlertBodies.AlertView::of).toList(), total, hasMore, next);
  }

  /** How many alerts match the filter in each status (the filter's own status is ignored). */
  Map<String, Long> countsByStatus(String tenantId, Filter f) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String status : AlertTriage.STATUSES) {
      counts.put(status, criteria(tenantId, f.withStatus(status)).map(store::count).orElse(0L));
    }
    return counts;
  }

  private Optional<Criteria> criteria(String tenantId, Filter f) {
    Criteria c = where("tenantId").is(tenantId);
    if (f.status() != null) {
      c = c.and("status").is(f.status());
    }
    if (f.severity() != null) {
      c = c.and("severity").is(f.severity());
    }
    if (f.policyId() != null) {
      c = c.and("policyId").is(f.policyId());
    }
    if (f.hostId() != null) {
      c = c.and("hostId").is(f.hostId());
    }
    if (f.assignee() != null) {
      Optional<User> user = assignees.resolve(tenantId, f.assignee());
      if (user.isEmpty()) {
        return Optional.empty();
      }
      c = c.and("assigneeId").is(user.get().getId());
    }
    if (f.tag() != null) {
      c = c.and("tags").is(f.tag());
    }
    if (f.from() != null || f.to() != null) {
      Criteria time = c.and("createdAt");
      if (f.from() != null) {
        time = time.gte(f.from());
      }
      if (f.to() != null) {
        time = time.lt(f.to());
      }
    }
    if (f.condition() != null) {
      c = c.andOperator(f.condition());
    }
    return Optional.of(c);
  }

  AlertBodies.AlertDetail detail(String tenantId, String id) {
    Alert alert = find(tenantId, id);
    return AlertBodies.AlertDetail.of(alert, triggering(tenantId, alert));
  }

  private Alert find(String tenantId, String id) {
    return store.find(tenantId, id).orElseThrow(() -> ApiException.notFound("Alert"));
  }

  /** The alert's first triggering events: stored ones in full, else the copies it carries. */
  private List<Map<String, Object>> triggering(String tenantId, Alert alert) {
    List<String> ids = alert.eventIds.stream().limit(MAX_DETAIL_EVENTS).toList();
    Map<String, Map<String, Object>> byId = new HashMap<>();
    for (Map<String, Object> copy : alert.events) {
      Object eventId = copy.get("id");
      if (eventId != null) {
        byId.put(eventId.toString(), instants(copy));
      }
    }
    for (Event stored : ids.isEmpty() ? List.<Event>of() : events.findByIds(tenantId, ids)) {
      byId.put(stored.id(), stored.toNested());
    }
    List<Map<String, Object>> triggering = new ArrayList<>();
    for (String eventId : ids) {
      Map<String, Object> event = byId.get(eventId);
      if (event != null) {
        triggering.add(event);
      }
    }
    return triggering;
  }

  /** Stored copies come back with BSON dates as {@link Date}; show them like live events. */
  @SuppressWarnings("unchecked")
  private static <T> T instants(T value) {
    if (value instanceof Date date) {
      return (T) date.toInstant();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), instants(v)));
      return (T) out;
    }
    if (value instanceof List<?> list) {
      return (T) list.stream().map(AlertQueries::instants).toList();
    }
    return value;
  }
}
