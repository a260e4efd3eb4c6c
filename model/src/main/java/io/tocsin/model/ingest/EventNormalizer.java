package io.tocsin.model.ingest;

import io.tocsin.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one ingested JSON object, in any accepted {@link InputShape}, into a canonical {@link
 * Event}: fields renamed, typed against the catalog, unknown fields kept under {@code payload.},
 * {@code tenant_id} forced to the caller's tenant, {@code ts} defaulted to the ingest time, and a
 * stable {@code id} derived from the content when the sender gave none (so a resend deduplicates).
 */
public final class EventNormalizer {

  static final int MAX_FIELDS = 512;
  static final int MAX_DEPTH = 16;
  static final int MAX_ID_LENGTH = 256;

  private final Clock clock;

  public EventNormalizer(Clock clock) {
    this.clock = clock;
  }

  public Event normalize(Map<String, ?> raw, String tenantId) throws InvalidEventException {
    InputShape shape = InputShape.detect(raw);
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("", ShapeMappers.toCanonical(shape, raw), flat, 0);
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : flat.entrySet()) {
      String path = FieldCoercion.canonicalPath(field.getKey());
      typed.put(path, FieldCoercion.coerce(path, field.getValue()));
    }
    typed.put("tenant_id", tenantId);
    typed.putIfAbsent("ts", clock.instant());
    DerivedFields.fill(typed);
    assignId(typed);
    return Event.of(typed);
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

  /** {@code id} and {@code event.id} name the same thing; derive one from content if neither. */
  private static void assignId(Map<String, Object> fields) throws InvalidEventException {
    Object id = fields.getOrDefault("id", fields.get("event.id"));
    String value = id == null ? contentId(fields) : id.toString();
    if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
      throw new InvalidEventException("id: must be 1 to " + MAX_ID_LENGTH + " characters");
    }
    fields.put("id", value);
    fields.putIfAbsent("event.id", value);
  }

  private static String contentId(Map<String, Object> fields) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(new TreeMap<>(fields).toString().getBytes(StandardCharsets.UTF_8));
      return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
