package io.tocsin.api.event;

import java.util.List;

/**
 * The answer of {@code POST /events}.
 *
 * @param status {@code ok} when every item was accepted, {@code partial} when some were rejected
 * @param count how many items were accepted
 * @param eventsIngested every accepted item's id, in input order (re-sent ones included)
 * @param stored how many were new
 * @param duplicates how many the tenant already had
 * @param rejected the refused items
 * @param detections detections the engine produced from the stored events
 */
record IngestSummary(
    String status,
    int count,
    List<String> eventsIngested,
    int stored,
    int duplicates,
    List<RejectedEvent> rejected,
    int detections) {

  /**
   * One refused item.
   *
   * @param index position in the request (0 for a single object)
   * @param reason {@code field: why}
   */
  record RejectedEvent(int index, String reason) {}

  static IngestSummary of(IngestResult result, List<RejectedEvent> rejected) {
    return new IngestSummary(
        rejected.isEmpty() ? "ok" : "partial",
        result.accepted().size(),
        result.accepted(),
        result.stored().size(),
        result.duplicates(),
        rejected,
        result.detections().size());
  }
}
