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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Ingest: normalizes each item, stores the valid ones in one bulk insert (a re-sent id is a
 * duplicate, neither stored nor evaluated again), then runs the newly stored events through the
 * detection pipeline before answering. A {@link PendingEvaluations} batch naming the events is
 * written before them and closed after their alerts, so an evaluation failure or a crash never
 * loses an acknowledged event's detections: the sweeper re-runs open batches.
 */
@Service
public class IngestService {

  private final EventNormalizer normalizer;
  private final EventStore store;
  private final IdClaims claims;
  private final PendingEvaluations pending;
  private final DetectionPipeline pipeline;
  private final Clock clock;
  private final Counter ingested;
  private final Counter rejectedCount;
  private final Counter duplicateCount;

  IngestService(
      EventStore store,
      IdClaims claims,
      PendingEvaluations pending,
      DetectionPipeline pipeline,
      Clock clock,
      IngestProperties properties,
      MeterRegistry meters) {
    this.normalizer = new EventNormalizer(clock, properties.retryWindow());
    this.store = store;
    this.claims = claims;
    this.pending = pending;
    this.pipeline = pipeline;
    this.clock = clock;
    this.ingested = meters.counter("tocsin.events.ingested");
    this.rejectedCount = meters.counter("tocsin.events.rejected");
    this.duplicateCount = meters.counter("tocsin.events.duplicates");
  }

  /**
   * Ingests raw items (JSON objects; anything else is rejected by index) for one tenant. With a
   * {@code boundHostId} (a host-bound API key) an item without {@code host_id} is stamped with that
   * host and an item naming another host is rejected by index like any invalid item.
   */
  public IngestResult ingest(String tenantId, String boundHostId, List<?> items) {
    List<Event> valid = new ArrayList<>(items.size());
    List<String> shapes = new ArrayList<>(items.size());
    Map<Integer, String> earlierIds = new HashMap<>();
    List<IngestResult.Rejected> rejected = new ArrayList<>();
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> raw) || raw.isEmpty()) {
        rejected.add(new IngestResult.Rejected(i, "expected a non-empty JSON object"));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> object = (Map<String, ?>) raw;
      int occurrence = seen.merge(object, 1, Integer::sum) - 1;
      try {
        EventNormalizer.Normalized normalized =
            normalizer.normalize(object, tenantId, boundHostId, occurrence);
        Event event = normalized.event();
        String refusal = refusal(event, boundHostId);
        if (refusal != null) {
          rejected.add(new IngestResult.Rejected(i, refusal));
          continue;
        }
        if (normalized.earlierId() != null) {
          earlierIds.put(valid.size(), normalized.earlierId());
        }
        valid.add(event);
        shapes.add(InputShape.detect(object).name().toLowerCase(Locale.ROOT));
      } catch (InvalidEventException | RuntimeException e) {
        rejected.add(
            new IngestResult.Rejected(
                i, e.getMessage() == null ? "invalid event" : e.getMessage()));
      }
    }
    List<String> accepted = valid.stream().map(Event::id).collect(Collectors.toList());
    List<Detection> detections = List.of();
    List<Event> stored = List.of();
    int duplicates = 0;
    if (!valid.isEmpty()) {
      Retries retries = retriesOfEarlierWindow(tenantId, valid, earlierIds);
      retries.indexes().forEach(i -> accepted.set(i, earlierIds.get(i)));
      List<Event> fresh = new ArrayList<>(valid.size());
      List<String> freshShapes = new ArrayList<>(valid.size());
      for (int i = 0; i < valid.size(); i++) {
        if (!retries.indexes().contains(i)) {
          fresh.add(valid.get(i));
          freshShapes.add(shapes.get(i));
        }
      }
      Instant now = clock.instant();
      // Opened before the events are stored: whatever happens next, the sweeper knows of them.
      PendingEvaluations.Batch batch =
          pending.open(tenantId, fresh.stream().map(Event::id).toList(), now);
      IdClaims.Outcome outcome = claims.insert(batch, fresh, freshShapes, now);
      outcome.rehomed().forEach((from, to) -> replace(accepted, from, to));
      stored = outcome.stored();
      duplicates = outcome.duplicates().size() + retries.indexes().size();
      detections = pipeline.processFresh(outcome.batch(), stored);
    }
    ingested.increment(stored.size());
    rejectedCount.increment(rejected.size());
    duplicateCount.increment(duplicates);
    return new IngestResult(List.copyOf(accepted), stored, duplicates, rejected, detections);
  }

  private static String refusal(Event event, String boundHostId) {
    if (boundHostId != null && !boundHostId.equals(event.hostId())) {
      return "host_id " + event.hostId() + ": this API key may only send events of its own host";
    }
    return HostScopedIds.refusal(event);
  }

  /**
   * Items without a time of their own whose content was stored in the previous retry window: a
   * retry that crossed a window boundary (see {@link EventNormalizer}).
   */
  private Retries retriesOfEarlierWindow(
      String tenantId, List<Event> valid, Map<Integer, String> earlierIds) {
    if (earlierIds.isEmpty()) {
      return new Retries(Set.of());
    }
    Set<String> storedIds = store.hostsOf(tenantId, earlierIds.values()).keySet();
    Set<Integer> indexes = new HashSet<>();
    earlierIds.forEach(
        (i, id) -> {
          if (storedIds.contains(id)) {
            indexes.add(i);
          }
        });
    return new Retries(indexes);
  }

  private static void replace(List<String> ids, String from, String to) {
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).equals(from)) {
        ids.set(i, to);
      }
    }
  }

  private record Retries(Set<Integer> indexes) {}
}
