package io.tocsin.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tocsin.model.Event;
import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed {@link EventView} must say exactly what the event's nested map says: a catalog field
 * the record does not model would otherwise vanish from every event read (or fail the read).
 */
class EventViewsTest {

  /** As the server writes: snake_case, nulls left out (also in maps). */
  private static final JsonMapper WIRE =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .changeDefaultPropertyInclusion(
              incl ->
                  incl.withValueInclusion(JsonInclude.Include.NON_NULL)
                      .withContentInclusion(JsonInclude.Include.NON_NULL))
          .build();

  @Test
  void everyCatalogFieldAndPayloadSurviveTheTypedView() {
    Map<String, Object> flat = new LinkedHashMap<>();
    FieldCatalog.fields().forEach((path, type) -> flat.put(path, sample(path, type)));
    flat.put("payload.session_id", "sess-1");
    flat.put("payload.nested.count", 3L);
    Event event = Event.of(flat);

    JsonNode typed = WIRE.valueToTree(EventViews.view(event));
    JsonNode untyped = WIRE.valueToTree(EventViews.summary(event));

    assertThat(typed).isEqualTo(untyped);
    assertThat(typed.path("process").path("parent").path("exe").asString()).isEqualTo("s");
    assertThat(typed.path("data").path("payload").path("nested").path("count").asLong())
        .isEqualTo(3L);
  }

  @Test
  void anEventWithoutOptionalGroupsLeavesThemOut() {
    Event event = Event.of(Map.of("id", "e-1", "ts", Instant.parse("2026-01-31T12:00:00Z")));

    JsonNode typed = WIRE.valueToTree(EventViews.view(event));

    assertThat(typed).isEqualTo(WIRE.valueToTree(EventViews.summary(event)));
    assertThat(typed.has("process")).isFalse();
    assertThat(typed.has("user_id")).isFalse();
    assertThat(typed.path("metadata").path("labels").isArray()).isTrue();
  }

  private static Object sample(String path, FieldType type) {
    return switch (type) {
      case TIMESTAMP -> Instant.parse("2026-01-31T12:00:00Z");
      case INTEGER, BYTES -> 42L;
      case DECIMAL -> 0.5;
      case BOOLEAN -> true;
      case IP -> "10.0.0.5";
      case STRING_ARRAY -> List.of("a", "b");
      default -> path.equals("severity") ? "high" : "s";
    };
  }
}
