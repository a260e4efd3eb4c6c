package io.tocsin.api.webhook.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.cases.CaseChanged;
import io.tocsin.api.cases.CaseFeed;
import io.tocsin.api.webhook.Webhook;
import io.tocsin.api.webhook.WebhookProperties;
import io.tocsin.api.webhook.WebhookRouting;
import io.tocsin.api.webhook.WebhookStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Closes the gap the missing transactions leave: an alert written just before a crash has no
 * deliveries yet. Every {@code sweep.period} it scans the alerts changed since the last sweep (the
 * first sweep after a start looks back {@code sweep.lookback}), per tenant with enabled webhooks,
 * by the {tenantId, updatedAt} index, and enqueues each alert's current version for every routed
 * webhook that has no delivery of that version yet and existed when the alert changed. Alerts
 * changed within {@code sweep.grace} are left to the listener, which is milliseconds behind. Cases
 * ({@code case.*} events) are swept the same way, by their {tenantId, updatedAt} index, up to
 * {@value #MAX_CASES} per tenant and sweep (cases change at human pace).
 */
@Component
public class OutboxSweeper implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSweeper.class);
  private static final String ALERTS = "alerts";
  private static final int BATCH = 200;
  private static final int MAX_CASES = 1000;

  private final MongoTemplate mongo;
  private final WebhookStore webhooks;
  private final WebhookRouting routing;
  private final Outbox outbox;
  private final DeliveryStore deliveries;
  private final WebhookProperties.Sweep settings;
  private final CaseFeed cases;
  private final Clock clock;
  private volatile ScheduledExecutorService timer;
  private Instant watermark;

  OutboxSweeper(
      MongoTemplate mongo,
      WebhookStore webhooks,
      WebhookRouting routing,
      Outbox outbox,
      DeliveryStore deliveries,
      WebhookProperties properties,
      CaseFeed cases,
      Clock clock) {
    this.mongo = mongo;
    this.cases = cases;
    this.webhooks = webhooks;
    this.routing = routing;
    this.outbox = outbox;
    this.deliveries = deliveries;
    this.settings = properties.sweep();
    this.clock = clock;
  }

  /** One sweep; returns how many deliveries it enqueued. */
  public synchronized int sweep() {
    Instant upper = clock.instant().minus(settings.grace());
    Instant lower =
        watermark == null ? upper.minus(settings.lookback()) : watermark.minus(settings.grace());
    int added = 0;
    for (String tenant : webhooks.tenantsWithEnabled()) {
      List<Webhook> hooks = webhooks.enabled(tenant);
      Query changed =
          Query.query(where("tenantId").is(tenant).and("updatedAt").gte(lower).lt(upper))
              .with(Sort.by("updatedAt"));
      List<Document> batch = new ArrayList<>();
      for (Document alert : mongo.find(changed, Document.class, ALERTS)) {
        batch.add(alert);
        if (batch.size() == BATCH) {
          added += enqueueMissing(tenant, hooks, batch);
          batch.clear();
        }
      }
      added += enqueueMissing(tenant, hooks, batch);
      added +=
          enqueueMissingCases(tenant, hooks, cases.changedBetween(tenant, lower, upper, MAX_CASES));
    }
    watermark = upper;
    if (added > 0) {
      LOG.info("outbox sweep enqueued {} missing webhook deliveries", added);
    }
    return added;
  }

  private int enqueueMissing(String tenant, List<Webhook> hooks, List<Document> alerts) {
    if (alerts.isEmpty()) {
      return 0;
    }
    Set<String> covered =
        deliveries.covered(alerts.stream().map(a -> String.valueOf(a.get("_id"))).toList());
    int added = 0;
    for (Document alert : alerts) {
      String id = String.valueOf(alert.get("_id"));
      long version = alert.get("version", Number.class).longValue();
      Date updated = alert.getDate("updatedAt");
      List<Webhook> candidates =
          hooks.stream()
              .filter(h -> !covered.contains(DeliveryStore.key(h.id(), id, version)))
              .filter(h -> h.createdAt() == null || !h.createdAt().isAfter(updated.toInstant()))
              .toList();
      if (candidates.isEmpty()) {
        continue;
      }
      Map<String, Object> view = AlertDocuments.view(alert);
      String event = AlertDocuments.event(alert);
      List<Webhook> targets = routing.targets(tenant, event, view, candidates);
      added += outbox.enqueue(targets, event, id, version, view);
    }
    return added;
  }

  private int enqueueMissingCases(String tenant, List<Webhook> hooks, List<CaseChanged> changed) {
    if (changed.isEmpty()) {
      return 0;
    }
    Set<String> covered = deliveries.covered(changed.stream().map(CaseChanged::id).toList());
    int added = 0;
    for (CaseChanged change : changed) {
      Instant updated =
          change.data().get("updated_at") instanceof Instant at ? at : clock.instant();
      List<Webhook> candidates =
          hooks.stream()
              .filter(
                  h -> !covered.contains(DeliveryStore.key(h.id(), change.id(), change.version())))
              .filter(h -> h.createdAt() == null || !h.createdAt().isAfter(updated))
              .toList();
      if (!candidates.isEmpty()) {
        List<Webhook> targets = routing.targets(tenant, change.type(), change.data(), candidates);
        added +=
            outbox.enqueue(targets, change.type(), change.id(), change.version(), change.data());
      }
    }
    return added;
  }

  @Override
  public void start() {
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "webhook-sweeper");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(100, settings.period().toMillis());
    t.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
    timer = t;
  }

  private void sweepLogged() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("outbox sweep failed; trying again in {}", settings.period(), e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService t = timer;
    timer = null;
    if (t != null) {
      t.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
