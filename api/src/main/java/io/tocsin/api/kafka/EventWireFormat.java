package io.tocsin.api.kafka;

import io.tocsin.model.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A canonical event on the topic: its flat fields as a JSON object, {@code ts} as ISO-8601 (the
 * only non-JSON value an {@link Event} holds). Stable across versions: workers and API nodes of
 * neighbouring releases read each other's records during a rolling upgrade.
 */
final class EventWireFormat {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> FIELDS =
      new TypeReference<>() {};

  private EventWireFormat() {}

  static byte[] encode(Event event) {
    Map<String, Object> fields = new LinkedHashMap<>(event.fields());
    Instant ts = event.timestamp();
    if (ts != null) {
      fields.put("ts", ts.toString());
    }
    return JSON.writeValueAsBytes(fields);
  }

  /**
   * The event of a record.
   *
   * @throws IllegalArgumentException when the bytes are not an event written by {@link #encode}
   */
  static Event decode(byte[] bytes) {
    Map<String, Object> fields;
    try {
      fields = JSON.readValue(bytes, FIELDS);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not an event record: " + e.getOriginalMessage(), e);
    }
    if (fields == null) {
      throw new IllegalArgumentException("not an event record: null");
    }
    if (fields.get("ts") instanceof String ts) {
      fields.put("ts", Instant.parse(ts));
    }
    return Event.of(fields);
  }

  /** The record key: all of a host's events land in one partition, in order. */
  static String key(Event event) {
    return event.tenantId() + ":" + (event.hostId() == null ? "" : event.hostId());
  }
}
