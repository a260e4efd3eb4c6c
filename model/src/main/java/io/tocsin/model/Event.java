package io.tocsin.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A canonical event as policies see it: an immutable map from dotted field path ({@code
 * process.name}) to value. Values are {@link String}, {@link Long} (integers, byte counts, ports),
 * {@link Double}, {@link Boolean}, {@link Instant} (only {@code ts}) or {@link List} of those
 * (arrays such as {@code process.cmd}). A missing field is simply absent.
 *
 * <p>Flat paths make field access one hash lookup, which the engine relies on for throughput.
 */
public final class Event {

  private final Map<String, Object> fields;

  private Event(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** An event from already-flattened, already-normalized fields (copied). */
  public static Event of(Map<String, ?> flatFields) {
    Map<String, Object> copy = new LinkedHashMap<>();
    flatFields.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, normalize(v));
          }
        });
    return new Event(Collections.unmodifiableMap(copy));
  }

  /** An event from a nested JSON-like map ({@code {"process": {"name": ...}}}), flattened. */
  public static Event fromNested(Map<String, ?> nested) {
    Map<String, Object> flat = new LinkedHashMap<>();
    EventPaths.flatten("", nested, flat);
    return of(flat);
  }

  /** The value at {@code path}, or {@code null} when absent. */
  public Object get(String path) {
    return fields.get(path);
  }

  public boolean has(String path) {
    return fields.containsKey(path);
  }

  /** All fields, flattened, read-only. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** The fields as a nested map, the shape events are stored and sent in. */
  public Map<String, Object> toNested() {
    return EventPaths.nest(fields);
  }

  public String id() {
    return asString(fields.get("id"));
  }

  public String tenantId() {
    return asString(fields.get("tenant_id"));
  }

  public String hostId() {
    return asString(fields.get("host_id"));
  }

  /** Event time ({@code ts}), or {@code null} when the event has none. */
  public Instant timestamp() {
    Object ts = fields.get("ts");
    return ts instanceof Instant instant ? instant : null;
  }

  /** A copy of this event with {@code path} set to {@code value} (removed when null). */
  public Event with(String path, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    if (value == null) {
      copy.remove(path);
    } else {
      copy.put(path, normalize(value));
    }
    return new Event(Collections.unmodifiableMap(copy));
  }

  private static String asString(Object value) {
    return value == null ? null : value.toString();
  }

  /** Integral numbers become Long, other numbers Double, ts strings stay as given. */
  static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof java.math.BigInteger b) {
      return b.longValue();
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.doubleValue();
    }
    if (v instanceof List<?> list) {
      return list.stream().filter(Objects::nonNull).map(Event::normalize).toList();
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "Event" + fields;
  }
}
