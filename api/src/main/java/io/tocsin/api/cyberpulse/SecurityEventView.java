package io.tocsin.api.cyberpulse;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.Map;

/**
 * An event in the CyberPulse security-event shape (what {@code POST /security/events} accepts),
 * read back from the canonical event, plus its id, time, host and {@code processed}. Fields the
 * event lacks are left out.
 *
 * @param id event id
 * @param eventId same as {@code id}
 * @param timestamp event time
 * @param hostId host
 * @param sourceIp {@code network.source.ip}
 * @param destinationIp {@code network.destination.ip}
 * @param port {@code network.destination.port}
 * @param protocol {@code network.protocol}
 * @param eventType {@code event.action}, else {@code event.type}
 * @param severity lower case
 * @param payload the event's payload, empty when none
 * @param processed whether the engine has evaluated it and its detections are recorded
 */
record SecurityEventView(
    String id,
    String eventId,
    Instant timestamp,
    String hostId,
    String sourceIp,
    String destinationIp,
    Long port,
    String protocol,
    String eventType,
    String severity,
    @Schema(description = "The sender's own fields (payload.*), nested as sent")
        Map<String, Object> payload,
    boolean processed) {

  @SuppressWarnings("unchecked")
  static SecurityEventView of(Event e, boolean processed) {
    Object action = e.get("event.action");
    Object payload = e.toNested().get("payload");
    return new SecurityEventView(
        e.id(),
        e.id(),
        e.timestamp(),
        e.hostId(),
        text(e.get("network.source.ip")),
        text(e.get("network.destination.ip")),
        e.get("network.destination.port") instanceof Number n ? n.longValue() : null,
        text(e.get("network.protocol")),
        text(action != null ? action : e.get("event.type")),
        text(e.get("severity")),
        payload instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(),
        processed);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
