package io.tocsin.dsl.mongo;

import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored event document back into the canonical {@link Event} a {@link MongoQuery} residual
 * expects: nested documents flattened, BSON dates back to {@code Instant}, ints to longs, and the
 * storage-only {@code _id} dropped.
 */
public final class StoredEvents {

  private StoredEvents() {}

  public static Event toEvent(Map<String, ?> stored) {
    Map<String, Object> copy = new LinkedHashMap<>();
    stored.forEach(
        (k, v) -> {
          if (!k.equals("_id")) {
            copy.put(k, convert(v));
          }
        });
    return Event.fromNested(copy);
  }

  private static Object convert(Object v) {
    if (v instanceof Date date) {
      return date.toInstant();
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, value) -> out.put(String.valueOf(k), convert(value)));
      return out;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(e -> out.add(convert(e)));
      return out;
    }
    return v;
  }
}
