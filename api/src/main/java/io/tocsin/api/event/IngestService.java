package io.tocsin.api.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.pipeline.EventDispatcher;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import io.tocsin.model.ingest.EventNormalizer;
import io.tocsin.model.ingest.InputShape;
import io.tocsin.model.ingest.InvalidEventException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
  private final PendingEvaluations pending;
  private final EventDispatcher dispatcher;
  private final Clock clock;
  private final Counter ingested;
  private final Counter rejectedCount;
  private final Counter duplicateCount;

  IngestService(
      EventStore store,
      PendingEvaluations pending,
      EventDispatcher dispatcher,
      Clock clock,
      MeterRegistry meters) {
    this.normalizer = new EventNormalizer(clock);
    this.store = store;
    this.pending = pending;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.ingested = meters.counter("tocsin.events.ingested");
    this.rejectedCount = meters.counter("tocsin.events.rejected");
    this.duplicateCount = meters.counter("tocsin.events.duplicates");
  }

  /**
   * Ingests raw items (JSON objects; anything else is rejected by index) for one tenant. An item
   * whose {@code host_id} fails {@code hostAllowed} (a host-bound API key sending for another host)
   * is rejected by index like any invalid item.
   */
  public IngestResult ingest(String tenantId, Predicate<String> hostAllowed, List<?> items) {
    List<Event> valid = new ArrayList<>(items.size());
    List<String> shapes = new ArrayList<>(items.size());
    List<IngestResult.Rejected> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> raw) || raw.isEmpty()) {
        rejected.add(new IngestResult.Rejected(i, "expected a non-empty JSON object"));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> object = (Map<String, ?>) raw;
      try {
        Event event = normalizer.normalize(object, tenantId);
        if (!hostAllowed.test(event.hostId())) {
          rejected.add(
              new IngestResult.Rejected(
                  i,
                  "host_id "
                      + event.hostId()
                      + ": this API key may only send events of its own host"));
          continue;
        }
        valid.add(event);
        shapes.add(InputShape.detect(object).name().toLowerCase(Locale.ROOT));
      } catch (InvalidEventException | RuntimeException e) {
        rejected.add(
            new IngestResult.Rejected(
                i, e.getMessage() == null ? "invalid event" : e.getMessage()));
      }
    }
    List<Detection> detections = List.of();
    EventStore.InsertOutcome outcome = new EventStore.InsertOutcome(List.of(), Set.of());
    if (!valid.isEmpty()) {
      Instant now = clock.instant();
      // Opened before the events are stored: whatever happens next, the sweeper knows of them.
      PendingEvaluations.Batch batch =
          pending.open(tenantId, valid.stream().map(Event::id).toList(), now);
      outcome = store.insert(tenantId, valid, shapes, now);
      detections = dispatcher.dispatchFresh(batch, outcome.stored());
    }
    ingested.increment(outcome.stored().size());
    rejectedCount.increment(rejected.size());
    duplicateCount.increment(outcome.duplicateIds().size());
    return new IngestResult(
        valid.stream().map(Event::id).toList(),
        outcome.stored(),
        outcome.duplicateIds().size(),
        rejected,
        detections);
  }
}
