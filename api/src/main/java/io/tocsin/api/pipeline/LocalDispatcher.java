package io.tocsin.api.pipeline;

import io.tocsin.api.event.EventDispatcher;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Single-server mode (no Kafka): events are evaluated by this server before ingest answers. */
@Component
@Conditional(OnKafkaCondition.Absent.class)
class LocalDispatcher implements EventDispatcher {

  private final DetectionPipeline pipeline;

  LocalDispatcher(DetectionPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public List<Detection> dispatchFresh(PendingEvaluations.Batch batch, List<Event> events) {
    return pipeline.processFresh(batch, events);
  }

  @Override
  public void dispatch(String tenantId, List<Event> events) {
    pipeline.process(tenantId, events);
  }
}
