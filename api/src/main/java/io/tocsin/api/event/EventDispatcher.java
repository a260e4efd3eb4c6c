package io.tocsin.api.event;

import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.List;

/**
 * Where stored events go to be evaluated: this server's engines ({@link LocalDispatcher}), or the
 * Kafka topic that engine workers read (scale-out mode, package {@code io.tocsin.api.kafka}).
 */
public interface EventDispatcher {

  /**
   * Hands over events ingest has just stored and closes their pending batch once they are safely on
   * their way. Local evaluation never throws (the batch stays open for the sweeper); a dispatcher
   * that cannot accept the events throws, so ingest does not acknowledge them.
   *
   * @return the detections, when evaluated synchronously; empty otherwise
   */
  List<Detection> dispatchFresh(PendingEvaluations.Batch batch, List<Event> events);

  /** Hands over the events of a batch left open (the sweeper); throws if that fails. */
  void dispatch(String tenantId, List<Event> events);
}
