package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Maps events to and from documents of the {@code events} collection: the nested canonical shape
 * ({@link Event#toNested()}), {@code ts} as a BSON date, and the ingest metadata at the top level.
 * {@code _id} is {@code tenant:id}, so lookups by id use the store's primary index (the only one
 * the embedded store serves {@code $in} from) and it alone keeps an id unique within a tenant.
 */
final class EventDocuments {

  static final String COLLECTION = "events";
  static final String INGESTED_AT = "ingested_at";

  /** Written by versions before {@link PendingEvaluations}; skipped when read. */
  private static final String LEGACY_EVALUATED = "evaluated";

  static final String SOURCE_SHAPE = "source_shape";

  private EventDocuments() {}

  static String key(String tenantId, String eventId) {
    return tenantId + ":" + eventId;
  }

  static Document toDocument(Event event, Instant ingestedAt, String sourceShape) {
    Document doc = new Document("_id", key(event.tenantId(), event.id()));
    event.toNested().forEach((k, v) -> doc.put(k, bson(v)));
    doc.put(INGESTED_AT, Date.from(ingestedAt));
    doc.put(SOURCE_SHAPE, sourceShape);
    return doc;
  }

  static StoredEvent fromDocument(Document doc) {
    Map<String, Object> nested = new LinkedHashMap<>();
    doc.forEach(
        (k, v) -> {
          if (!k.equals("_id")
              && !k.equals(INGESTED_AT)
              && !k.equals(LEGACY_EVALUATED)
              && !k.equals(SOURCE_SHAPE)) {
            nested.put(k, java(v));
          }
        });
    Date ingested = doc.getDate(INGESTED_AT);
    return new StoredEvent(
        Event.fromNested(nested),
        ingested == null ? null : ingested.toInstant(),
        doc.getString(SOURCE_SHAPE));
  }

  private static Object bson(Object value) {
    if (value instanceof Instant instant) {
      return Date.from(instant);
    }
    if (value instanceof Map<?, ?> map) {
      Document doc = new Document();
      map.forEach((k, v) -> doc.put(String.valueOf(k), bson(v)));
      return doc;
    }
    return value;
  }

  private static Object java(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), java(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(java(v)));
      return out;
    }
    return value;
  }
}
