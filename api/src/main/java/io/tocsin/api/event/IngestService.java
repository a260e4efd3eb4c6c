package io.tocsin.api.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.pipeline.DetectionPipeline;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import io.tocsin.model.ingest.EventNormalizer;
import io.tocsin.model.ingest.InputShape;
import io.tocsin.model.ingest.InvalidEventException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Ingest: normalizes each item, stores the valid ones in one bulk insert (a re-sent id is a
 * duplicate, neither stored nor evaluated again), then runs the newly stored events through the
 * detection pipeline before answering. The events are durable before evaluation starts, so an
 * evaluation failure never loses an acknowledged event: they stay {@code evaluated=false} and the
 * sweeper retries them.
 */
@Service
public class IngestService {

  private final EventNormalizer normalizer;
  private final EventStore store;
  private final DetectionPipeline pipeline;
  private final Clock clock;
  private final Counter ingested;
  private final Counter rejectedCount;
  private final Counter duplicateCount;

  IngestService(EventStore store, DetectionPipeline pipeline, Clock clock, MeterRegistry meters) {
    this.normalizer = new EventNormalizer(clock);
    this.store = store;
    this.pipeline = pipeline;
    this.clock = clock;
    this.ingested = meters.counter("tocsin.events.ingested");
    this.rejectedCount = meters.counter("tocsin.events.rejected");
    this.duplicateCount = meters.counter("tocsin.events.duplicates");
  }

  /** Ingests raw items (JSON objects; anything else is rejected by index) for one tenant. */
  public IngestResult ingest(String tenantId, List<?> items) {
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
        valid.add(normalizer.normalize(object, tenantId));
        shapes.add(InputShape.detect(object).name().toLowerCase(Locale.ROOT));
      } catch (InvalidEventException | RuntimeException e) {
        rejected.add(
            new IngestResult.Rejected(
                i, e.getMessage() == null ? "invalid event" : e.getMessage()));
      }
    }
    EventStore.InsertOutcome outcome = store.insert(tenantId, valid, shapes, clock.instant());
    List<Detection> detections = pipeline.processFresh(tenantId, outcome.stored());
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
