package io.tocsin.model.ingest;

import io.tocsin.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one ingested JSON object, in any accepted {@link InputShape}, into a canonical {@link
 * Event}: fields renamed, typed against the catalog, unknown fields kept under {@code payload.},
 * {@code tenant_id} forced to the caller's tenant, {@code host_id} defaulted to the sender's bound
 * host, {@code ts} defaulted to the ingest time, and a stable {@code id} derived from the content
 * when the sender gave none, so a resend deduplicates.
 *
 * <p>A derived id hashes the event's content including its own time. An event without a time of its
 * own cannot be told from its retry by content alone, so its id also hashes the {@code retryWindow}
 * of arrival, and {@link Normalized#earlierId()} names the id the same content had in the previous
 * window: the caller treats an event whose earlier id is already stored as a retry. Identical items
 * of one request are told apart by their {@code occurrence} in the request, so a retried batch maps
 * item for item onto the same ids.
 */
public final class EventNormalizer {

  static final int MAX_FIELDS = 512;
  static final int MAX_DEPTH = 16;
  static final int MAX_ID_LENGTH = 256;

  /** How long an event without a time of its own is recognised as a retry, by default. */
  public static final Duration DEFAULT_RETRY_WINDOW = Duration.ofMinutes(5);

  private final Clock clock;
  private final long windowMillis;

  public EventNormalizer(Clock clock) {
    this(clock, DEFAULT_RETRY_WINDOW);
  }

  public EventNormalizer(Clock clock, Duration retryWindow) {
    if (retryWindow.toMillis() <= 0) {
      throw new IllegalArgumentException("retry window must be positive");
    }
    this.clock = clock;
    this.windowMillis = retryWindow.toMillis();
  }

  /**
   * A normalized event.
   *
   * @param event the canonical event
   * @param earlierId for a derived id of an event without its own time: the id the same content got
   *     in the previous retry window (a stored event with it makes this one a retry); else null
   */
  public record Normalized(Event event, String earlierId) {}

  public Event normalize(Map<String, ?> raw, String tenantId) throws InvalidEventException {
    return normalize(raw, tenantId, null, 0).event();
  }

  /**
   * Normalizes one item of a request.
   *
   * @param defaultHostId stamped as {@code host_id} when the item names none (a host-bound key)
   * @param occurrence how many identical items came before this one in the same request
   */
  public Normalized normalize(
      Map<String, ?> raw, String tenantId, String defaultHostId, int occurrence)
      throws InvalidEventException {
    Map<String, Object> typed = fields(raw, tenantId, defaultHostId);
    DerivedFields.fill(typed);
    String earlierId = null;
    if (typed.containsKey("id") || typed.containsKey("event.id")) {
      assignId(typed, null);
    } else if (typed.containsKey("ts")) {
      assignId(typed, contentId(typed, occurrence, null));
    } else {
      long window = Math.floorDiv(clock.millis(), windowMillis);
      earlierId = contentId(typed, occurrence, window - 1);
      assignId(typed, contentId(typed, occurrence, window));
    }
    typed.putIfAbsent("ts", clock.instant());
    return new Normalized(Event.of(typed), earlierId);
  }

  private static Map<String, Object> fields(
      Map<String, ?> raw, String tenantId, String defaultHostId) throws InvalidEventException {
    InputShape shape = InputShape.detect(raw);
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("", ShapeMappers.toCanonical(shape, raw), flat, 0);
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : flat.entrySet()) {
      String path = FieldCoercion.canonicalPath(field.getKey());
      typed.put(path, FieldCoercion.coerce(path, field.getValue()));
    }
    typed.put("tenant_id", tenantId);
    if (typed.get("severity") instanceof String severity) {
      // Senders write HIGH, High or high; policies and filters compare one spelling.
      typed.put("severity", severity.trim().toLowerCase(Locale.ROOT));
    }
    if (defaultHostId != null) {
      typed.putIfAbsent("host_id", defaultHostId);
    }
    return typed;
  }

  private static void flatten(String prefix, Map<String, ?> in, Map<String, Object> out, int depth)
      throws InvalidEventException {
    if (depth > MAX_DEPTH) {
      throw new InvalidEventException(prefix + ": nested deeper than " + MAX_DEPTH + " levels");
    }
    for (Map.Entry<String, ?> entry : in.entrySet()) {
      String key = entry.getKey();
      if (key == null || key.isBlank()) {
        throw new InvalidEventException("empty field name under [" + prefix + "]");
      }
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> child) {
        @SuppressWarnings("unchecked")
        Map<String, ?> typedChild = (Map<String, ?>) child;
        flatten(path, typedChild, out, depth + 1);
      } else if (value != null) {
        out.put(path, value);
        if (out.size() > MAX_FIELDS) {
          throw new InvalidEventException("more than " + MAX_FIELDS + " fields");
        }
      }
    }
  }

  /** {@code id} and {@code event.id} name the same thing; {@code derived} when neither is set. */
  private static void assignId(Map<String, Object> fields, String derived)
      throws InvalidEventException {
    Object id = fields.getOrDefault("id", fields.get("event.id"));
    String value = id == null ? derived : id.toString();
    if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
      throw new InvalidEventException("id: must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    fields.put("id", value);
    fields.putIfAbsent("event.id", value);
  }

  /** The content's hash, with the occurrence and, for events without a time, the window. */
  private static String contentId(Map<String, Object> fields, int occurrence, Long window) {
    String content = new TreeMap<>(fields).toString();
    if (occurrence > 0) {
      content += "|occurrence=" + occurrence;
    }
    if (window != null) {
      content += "|window=" + window;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(content.getBytes(StandardCharsets.UTF_8));
      return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
