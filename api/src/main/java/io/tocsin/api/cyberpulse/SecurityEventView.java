package io.tocsin.api.cyberpulse;

import io.tocsin.model.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event in the CyberPulse security-event shape (what {@code POST /security/events} accepts),
 * read back from the canonical event: {@code source_ip}, {@code destination_ip}, {@code port},
 * {@code protocol}, {@code event_type}, {@code severity}, {@code payload}, plus its id, time, host
 * and {@code processed}.
 */
final class SecurityEventView {

  private SecurityEventView() {}

  static Map<String, Object> of(Event e, boolean processed) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", e.id());
    v.put("event_id", e.id());
    v.put("timestamp", e.timestamp());
    v.put("host_id", e.hostId());
    v.put("source_ip", e.get("network.source.ip"));
    v.put("destination_ip", e.get("network.destination.ip"));
    v.put("port", e.get("network.destination.port"));
    v.put("protocol", e.get("network.protocol"));
    Object action = e.get("event.action");
    v.put("event_type", action != null ? action : e.get("event.type"));
    v.put("severity", e.get("severity"));
    Object payload = e.toNested().get("payload");
    v.put("payload", payload instanceof Map<?, ?> ? payload : Map.of());
    v.put("processed", processed);
    return v;
  }
}
