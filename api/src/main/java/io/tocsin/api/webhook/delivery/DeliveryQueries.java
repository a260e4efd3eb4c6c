package io.tocsin.api.webhook.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import io.tocsin.api.webhook.delivery.DeliveryViews.DeliveryPage;
import io.tocsin.api.webhook.delivery.DeliveryViews.DeliveryView;
import java.time.Clock;
import java.util.List;
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
  public DeliveryPage list(String tenantId, String webhookId, String state, Paging paging) {
    Criteria filter = where("tenantId").is(tenantId).and("webhookId").is(webhookId);
    if (state != null) {
      if (!STATES.contains(state)) {
        throw ApiException.badRequest("state must be one of pending, delivered, dead");
      }
      filter = filter.and("state").is(state);
    }
    List<DeliveryView> page =
        store.page(filter, paging.limit(), paging.offset()).stream().map(DeliveryView::of).toList();
    return new DeliveryPage(page, PageInfo.of(paging, store.count(filter), page.size()));
  }

  public DeliveryView get(String tenantId, String webhookId, String id) {
    return DeliveryView.of(
        store.find(tenantId, webhookId, id).orElseThrow(() -> ApiException.notFound("Delivery")));
  }

  /** Puts a dead delivery back in line with a fresh retry budget. */
  public DeliveryView redrive(String tenantId, String webhookId, String id) {
    Delivery d =
        store.find(tenantId, webhookId, id).orElseThrow(() -> ApiException.notFound("Delivery"));
    if (!store.redrive(tenantId, webhookId, id, clock.instant())) {
      throw ApiException.conflict(
          "only a dead-lettered delivery can be re-driven; this one is " + d.state());
    }
    dispatcher.wake();
    return get(tenantId, webhookId, id);
  }
}
