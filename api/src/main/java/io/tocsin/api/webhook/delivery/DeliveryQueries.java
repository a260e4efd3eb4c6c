package io.tocsin.api.webhook.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.ListResponse;
import io.tocsin.api.web.Paging;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Deliveries as the API shows them, and re-driving a dead-lettered one by hand. */
@Service
public class DeliveryQueries {

  private static final Set<String> STATES =
      Set.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.DEAD);

  private final DeliveryStore store;
  private final DeliveryDispatcher dispatcher;
  private final Clock clock;

  DeliveryQueries(DeliveryStore store, DeliveryDispatcher dispatcher, Clock clock) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /** The webhook's deliveries, newest first, each with every attempt. */
  public Map<String, Object> list(String tenantId, String webhookId, String state, Paging paging) {
    Criteria filter = where("tenantId").is(tenantId).and("webhookId").is(webhookId);
    if (state != null) {
      if (!STATES.contains(state)) {
        throw ApiException.badRequest("state must be one of pending, delivered, dead");
      }
      filter = filter.and("state").is(state);
    }
    List<Map<String, Object>> page =
        store.page(filter, paging.limit(), paging.offset()).stream()
            .map(DeliveryQueries::view)
            .toList();
    return ListResponse.of(
        "deliveries", page, store.count(filter), paging.limit(), paging.offset());
  }

  public Map<String, Object> get(String tenantId, String webhookId, String id) {
    return view(
        store.find(tenantId, webhookId, id).orElseThrow(() -> ApiException.notFound("Delivery")));
  }

  /** Puts a dead delivery back in line with a fresh retry budget. */
  public Map<String, Object> redrive(String tenantId, String webhookId, String id) {
    Delivery d =
        store.find(tenantId, webhookId, id).orElseThrow(() -> ApiException.notFound("Delivery"));
    if (!store.redrive(tenantId, webhookId, id, clock.instant())) {
      throw ApiException.conflict(
          "only a dead-lettered delivery can be re-driven; this one is " + d.state());
    }
    dispatcher.wake();
    return get(tenantId, webhookId, id);
  }

  static Map<String, Object> view(Delivery d) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", d.id());
    v.put("webhook_id", d.webhookId());
    v.put("event", d.event());
    v.put("alert_id", d.alertId());
    if (d.event() != null && d.event().startsWith("case.")) {
      v.put("case_id", d.alertId()); // case deliveries keep the case id where alerts keep theirs
    }
    v.put("alert_version", d.alertVersion());
    v.put("state", d.state());
    v.put("attempts", d.attempts());
    v.put(
        "next_attempt_at",
        Delivery.PENDING.equals(d.state()) && d.claim() == null ? d.dueAt() : null);
    v.put("in_flight", d.claim() != null);
    v.put("last_status_code", d.lastStatusCode());
    v.put("last_error", d.lastError());
    v.put("created_at", d.createdAt());
    v.put("updated_at", d.updatedAt());
    v.put(
        "attempt_log",
        d.log() == null ? List.of() : d.log().stream().map(DeliveryQueries::attempt).toList());
    return v;
  }

  private static Map<String, Object> attempt(DeliveryAttempt a) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("attempt", a.attempt());
    v.put("at", a.at());
    v.put("status_code", a.statusCode());
    v.put("latency_ms", a.latencyMs());
    v.put("error", a.error());
    v.put("outcome", a.outcome());
    v.put("next_attempt_at", a.nextAttemptAt());
    return v;
  }
}
