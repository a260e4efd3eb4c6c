package io.tocsin.api.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stored events → {@link Evaluator} → {@link DetectionRecorder} → close their pending batch. The
 * close comes last, so a crash anywhere before it leaves the batch for the {@link
 * EvaluationSweeper}.
 */
@Service
public class DetectionPipeline {

  private static final Logger log = LoggerFactory.getLogger(DetectionPipeline.class);

  private final Evaluator evaluator;
  private final DetectionRecorder recorder;
  private final PendingEvaluations pending;
  private final Timer latency;
  private final Counter evaluated;
  private final Counter detections;
  private final Counter failures;

  DetectionPipeline(
      Evaluator evaluator,
      DetectionRecorder recorder,
      PendingEvaluations pending,
      MeterRegistry meters) {
    this.evaluator = evaluator;
    this.recorder = recorder;
    this.pending = pending;
    this.latency =
        Timer.builder("tocsin.pipeline.evaluation")
            .description("evaluate one batch of stored events and record its detections")
            .publishPercentileHistogram()
            .register(meters);
    this.evaluated = meters.counter("tocsin.pipeline.events.evaluated");
    this.detections = meters.counter("tocsin.pipeline.detections");
    this.failures = meters.counter("tocsin.pipeline.failures");
  }

  /**
   * Evaluates events just stored by ingest, then closes their pending batch. A failure is logged
   * and counted, not thrown: the events are already durable and the batch stays open for the
   * sweeper.
   *
   * @return the detections, or an empty list when evaluation failed
   */
  public List<Detection> processFresh(PendingEvaluations.Batch batch, List<Event> events) {
    String tenantId = batch.tenantId();
    try {
      List<Detection> found = process(tenantId, events);
      pending.close(batch);
      return found;
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

  /** Evaluates and records; throws if either step fails. */
  public List<Detection> process(String tenantId, List<Event> events) {
    return process(evaluator, tenantId, events);
  }

  /**
   * Evaluates with {@code engines} (e.g. a Kafka worker's engines of one partition) and records;
   * throws if either step fails.
   */
  public List<Detection> process(Evaluator engines, String tenantId, List<Event> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    long start = System.nanoTime();
    List<Detection> found = engines.evaluate(tenantId, events);
    if (!found.isEmpty()) {
      recorder.record(tenantId, found);
    }
    latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    evaluated.increment(events.size());
    detections.increment(found.size());
    return found;
  }

  /** Records detections found outside an evaluation, e.g. by absence timers. */
  public void record(String tenantId, List<Detection> found) {
    if (!found.isEmpty()) {
      recorder.record(tenantId, found);
      detections.increment(found.size());
    }
  }
}
