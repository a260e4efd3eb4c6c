package io.tocsin.api.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.tenant.AgentQuota;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import io.tocsin.model.ingest.EventNormalizer;
import io.tocsin.model.ingest.InputShape;
import io.tocsin.model.ingest.InvalidEventException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Ingest: normalizes each item, stores the valid ones in one bulk insert (a re-sent id is a
 * duplicate, neither stored nor evaluated again), then runs the newly stored events through the
 * {@link EventDispatcher} before answering: this server's engines, or the Kafka topic of the engine
 * workers. A {@link PendingEvaluations} batch naming the events is written before them and closed
 * once they are evaluated (or durably on the topic), so an evaluation failure or a crash never
 * loses an acknowledged event's detections: the sweeper re-runs open batches.
 */
@Service
public class IngestService {

  private final EventNormalizer normalizer;
  private final EventStore store;
  private final IdClaims claims;
  private final AgentQuota quota;
  private final PendingEvaluations pending;
  private final EventDispatcher dispatcher;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Counter ingested;
  private final Counter rejectedCount;
  private final Counter duplicateCount;

  IngestService(
      EventStore store,
      IdClaims claims,
      AgentQuota quota,
      PendingEvaluations pending,
      EventDispatcher dispatcher,
      ApplicationEventPublisher events,
      Clock clock,
      IngestProperties properties,
      MeterRegistry meters) {
    this.normalizer = new EventNormalizer(clock, properties.retryWindow());
    this.store = store;
    this.claims = claims;
    this.quota = quota;
    this.pending = pending;
    this.dispatcher = dispatcher;
    this.events = events;
    this.clock = clock;
    this.ingested = meters.counter("tocsin.events.ingested");
    this.rejectedCount = meters.counter("tocsin.events.rejected");
    this.duplicateCount = meters.counter("tocsin.events.duplicates");
  }

  /**
   * Ingests raw items (JSON objects; anything else is rejected by index) for one tenant. With a
   * {@code boundHostId} (a host-bound API key) an item without {@code host_id} is stamped with that
   * host and an item naming another host is rejected by index like any invalid item. Items of new
   * hosts beyond the tenant's {@code max_agents} are rejected by index too.
   */
  public IngestResult ingest(String tenantId, String boundHostId, List<?> items) {
    List<IngestResult.Rejected> rejected = new ArrayList<>();
    List<Item> valid =
        withinQuota(tenantId, normalize(tenantId, boundHostId, items, rejected), rejected);
    rejected.sort(Comparator.comparingInt(IngestResult.Rejected::index));
    List<String> accepted = valid.stream().map(i -> i.event().id()).collect(Collectors.toList());
    List<Detection> detections = List.of();
    List<Event> stored = List.of();
    int duplicates = 0;
    if (!valid.isEmpty()) {
      Set<Integer> retries = retriesOfEarlierWindow(tenantId, valid);
      retries.forEach(i -> accepted.set(i, valid.get(i).earlierId()));
      List<Event> fresh = new ArrayList<>(valid.size());
      List<String> shapes = new ArrayList<>(valid.size());
      for (int i = 0; i < valid.size(); i++) {
        if (!retries.contains(i)) {
          fresh.add(valid.get(i).event());
          shapes.add(valid.get(i).shape());
        }
      }
      Instant now = clock.instant();
      // Opened before the events are stored: whatever happens next, the sweeper knows of them.
      PendingEvaluations.Batch batch =
          pending.open(tenantId, fresh.stream().map(Event::id).toList(), now);
      IdClaims.Outcome outcome = claims.insert(batch, fresh, shapes, now);
      outcome.rehomed().forEach((from, to) -> replace(accepted, from, to));
      stored = outcome.stored();
      duplicates = outcome.duplicates().size() + retries.size();
      detections = dispatcher.dispatchFresh(outcome.batch(), stored);
      events.publishEvent(new EventsStored(tenantId, stored));
    }
    ingested.increment(stored.size());
    rejectedCount.increment(rejected.size());
    duplicateCount.increment(duplicates);
    return new IngestResult(List.copyOf(accepted), stored, duplicates, rejected, detections);
  }

  /**
   * One accepted item.
   *
   * @param index position in the request
   * @param event the normalized event
   * @param shape input shape name
   * @param earlierId see {@link EventNormalizer.Normalized#earlierId()}
   */
  private record Item(int index, Event event, String shape, String earlierId) {}

  private List<Item> normalize(
      String tenantId, String boundHostId, List<?> items, List<IngestResult.Rejected> rejected) {
    List<Item> valid = new ArrayList<>(items.size());
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> raw) || raw.isEmpty()) {
        rejected.add(new IngestResult.Rejected(i, "expected a non-empty JSON object"));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> object = (Map<String, ?>) raw;
      // Identical items of one request are distinct events; a retry repeats them in order.
      int occurrence = seen.merge(object, 1, Integer::sum) - 1;
      try {
        EventNormalizer.Normalized normalized =
            normalizer.normalize(object, tenantId, boundHostId, occurrence);
        String refusal = refusal(normalized.event(), boundHostId);
        if (refusal != null) {
          rejected.add(new IngestResult.Rejected(i, refusal));
          continue;
        }
        String shape = InputShape.detect(object).name().toLowerCase(Locale.ROOT);
        valid.add(new Item(i, normalized.event(), shape, normalized.earlierId()));
      } catch (InvalidEventException | RuntimeException e) {
        rejected.add(
            new IngestResult.Rejected(
                i, e.getMessage() == null ? "invalid event" : e.getMessage()));
      }
    }
    return valid;
  }

  private static String refusal(Event event, String boundHostId) {
    if (boundHostId != null && !boundHostId.equals(event.hostId())) {
      return "host_id " + event.hostId() + ": this API key may only send events of its own host";
    }
    return HostScopedIds.refusal(event);
  }

  /** Items of new hosts beyond the tenant's {@code max_agents} become rejections. */
  private List<Item> withinQuota(
      String tenantId, List<Item> valid, List<IngestResult.Rejected> rejected) {
    Set<String> refused =
        quota.admit(
            tenantId,
            valid.stream().map(i -> i.event().hostId()).filter(Objects::nonNull).toList());
    if (refused.isEmpty()) {
      return valid;
    }
    List<Item> kept = new ArrayList<>(valid.size());
    for (Item item : valid) {
      if (refused.contains(item.event().hostId())) {
        rejected.add(
            new IngestResult.Rejected(item.index(), quota.reason(tenantId, item.event().hostId())));
      } else {
        kept.add(item);
      }
    }
    return kept;
  }

  /**
   * Positions of items without a time of their own whose content was stored in the previous retry
   * window: a retry that crossed a window boundary (see {@link EventNormalizer}).
   */
  private Set<Integer> retriesOfEarlierWindow(String tenantId, List<Item> valid) {
    List<String> earlier = valid.stream().map(Item::earlierId).filter(Objects::nonNull).toList();
    if (earlier.isEmpty()) {
      return Set.of();
    }
    Set<String> storedIds = store.hostsOf(tenantId, earlier).keySet();
    Set<Integer> retries = new HashSet<>();
    for (int i = 0; i < valid.size(); i++) {
      if (storedIds.contains(valid.get(i).earlierId())) {
        retries.add(i);
      }
    }
    return retries;
  }

  private static void replace(List<String> ids, String from, String to) {
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).equals(from)) {
        ids.set(i, to);
      }
    }
  }
}
