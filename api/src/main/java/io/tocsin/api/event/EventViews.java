package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON views of stored events. */
public final class EventViews {

  private EventViews() {}

  /** The nested canonical event plus the INSEC fields, as list and search results show it. */
  public static Map<String, Object> summary(Event event) {
    return InsecFields.add(new LinkedHashMap<>(event.toNested()), event);
  }

  /**
   * The detail view: the nested event plus {@code metadata} about its ingest, including whether its
   * detections are recorded yet ({@code evaluated}).
   */
  static Map<String, Object> detail(StoredEvent stored, boolean evaluated) {
    Map<String, Object> body = summary(stored.event());
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) body.get("metadata");
    metadata.put("ingested_at", stored.ingestedAt());
    metadata.put("source_shape", stored.sourceShape());
    metadata.put("evaluated", evaluated);
    metadata.put("tenant_id", stored.event().tenantId());
    return body;
  }
}
