package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** JSON views of stored events. */
public final class EventViews {

  /**
   * Reads the nested map into the typed view. The map's keys are the catalog's snake_case names,
   * and every path outside the catalog is under {@code payload}, so a key the view lacks is a bug
   * in the view: fail rather than drop it from the answer.
   */
  private static final JsonMapper VIEWS =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private EventViews() {}

  /** The nested canonical event plus the INSEC fields, as list and search results show it. */
  public static Map<String, Object> summary(Event event) {
    return InsecFields.add(new LinkedHashMap<>(event.toNested()), event);
  }

  /** {@link #summary} as the typed record the API answers with. */
  public static EventView view(Event event) {
    return VIEWS.convertValue(summary(event), EventView.class);
  }

  /**
   * The detail view: the nested event plus {@code metadata} about its ingest, including whether its
   * detections are recorded yet ({@code evaluated}).
   */
  static EventView detail(StoredEvent stored, boolean evaluated) {
    Map<String, Object> body = summary(stored.event());
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) body.get("metadata");
    metadata.put("ingested_at", stored.ingestedAt());
    metadata.put("source_shape", stored.sourceShape());
    metadata.put("evaluated", evaluated);
    metadata.put("tenant_id", stored.event().tenantId());
    return VIEWS.convertValue(body, EventView.class);
  }
}
