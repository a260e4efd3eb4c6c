package io.tocsin.api.event;

import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.List;

/**
 * What one ingest call did.
 *
 * @param accepted ids of every accepted item in input order (newly stored and duplicates)
 * @param stored the events this call stored (and evaluated)
 * @param duplicates how many accepted items the tenant already had
 * @param rejected items that could not become events, by index
 * @param detections what the engine found in the stored events (empty if evaluation is deferred)
 */
public record IngestResult(
    List<String> accepted,
    List<Event> stored,
    int duplicates,
    List<Rejected> rejected,
    List<Detection> detections) {

  /**
   * One refused item.
   *
   * @param index position in the request (0 for a single object)
   * @param reason {@code field: reason}
   */
  public record Rejected(int index, String reason) {}
}
