package io.tocsin.api.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tocsin.api.event.EventStore;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stored events → {@link Evaluator} → {@link DetectionRecorder} → mark evaluated. The mark comes
 * last, so a crash anywhere before it leaves the events for the {@link EvaluationSweeper}.
 */
@Service
public class DetectionPipeline {

  private static final Logger log = LoggerFactory.getLogger(DetectionPipeline.class);

  private final Evaluator evaluator;
  private final DetectionRecorder recorder;
  private final EventStore store;
  private final Timer latency;
  private final Counter evaluated;
  private final Counter detections;
  private final Counter failures;

  DetectionPipeline(
      Evaluator evaluator, DetectionRecorder recorder, EventStore store, MeterRegistry meters) {
    this.evaluator = evaluator;
    this.recorder = recorder;
    this.store = store;
    this.latency =
        Timer.builder("tocsin.pipeline.evaluation")
            .description("evaluate, record and mark one batch of stored events")
            .publishPercentileHistogram()
            .register(meters);
    this.evaluated = meters.counter("tocsin.pipeline.events.evaluated");
    this.detections = meters.counter("tocsin.pipeline.detections");
    this.failures = meters.counter("tocsin.pipeline.failures");
  }

  /**
   * Evaluates events just stored by ingest. A failure is logged and counted, not thrown: the events
   * are already durable and the sweeper will retry them.
   *
   * @return the detections, or an empty list when evaluation failed
   */
  public List<Detection> processFresh(String tenantId, List<Event> events) {
    try {
      return process(tenantId, events);
    } catch (RuntimeException e) {
      failures.increment();
      log.error(
          "tenant {}: evaluation of {} stored events failed; the sweeper will retry them",
          tenantId,
          events.size(),
          e);
      return List.of();
    }
  }

  /** Evaluates, records and marks; throws if any step fails (nothing is marked then). */
  public List<Detection> process(String tenantId, List<Event> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    long start = System.nanoTime();
    List<Detection> found = evaluator.evaluate(tenantId, events);
    if (!found.isEmpty()) {
      recorder.record(tenantId, found);
    }
    store.markEvaluated(tenantId, events.stream().map(Event::id).toList());
    latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    evaluated.increment(events.size());
    detections.increment(found.size());
    return found;
  }
}
