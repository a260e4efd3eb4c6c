package io.tocsin.rules.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.model.Event;
import io.tocsin.model.ingest.EventNormalizer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two halves of field mapping agree: for every field a Windows mapping file names, a Sysmon
 * event carrying that field arrives (through the ingest normalizer) with the value at the canonical
 * field the Sigma rule is converted to, and also under {@code payload.<Field>}. (The ECS names that
 * {@code ecs.yml} adds to every logsource are the ECS input shape's, tested in the model.)
 */
class MappingConsistencyTest {

  private final EventNormalizer normalizer = new EventNormalizer(Clock.systemUTC());

  @ParameterizedTest(name = "{0} event {1}")
  @CsvSource({
    "process_creation, 1",
    "network_connection, 3",
    "file_event, 11",
    "dns_query, 22",
  })
  void everyMappedWindowsFieldArrivesAtItsCanonicalName(String category, int eventId)
      throws Exception {
    FieldMappings.Resolved mapping =
        FieldMappings.builtin().resolve(Map.of("product", "windows", "category", category));
    assertThat(mapping.fields()).isNotEmpty();
    for (Map.Entry<String, String> f : mapping.fields().entrySet()) {
      if (f.getKey().contains(".")) {
        continue; // ECS names from ecs.yml: the ECS input shape's business
        // (WindowsAndEcsShapesTest)
      }
      Object value = sample(f.getValue());
      Map<String, Object> raw = new LinkedHashMap<>();
      raw.put("EventID", eventId);
      raw.put("Channel", "Microsoft-Windows-Sysmon/Operational");
      raw.put(f.getKey(), value);
      Event e = normalizer.normalize(raw, "t1");
      Object expected = value instanceof Integer i ? Long.valueOf(i) : value;
      assertThat(e.get(f.getValue())).as("%s -> %s", f.getKey(), f.getValue()).isEqualTo(expected);
      assertThat(e.get("payload." + f.getKey())).as(f.getKey()).isEqualTo(expected);
    }
  }

  private static Object sample(String canonical) {
    if (canonical.endsWith(".ip")) {
      return "192.0.2.10";
    }
    if (canonical.endsWith(".port") || canonical.endsWith(".pid")) {
      return 4242;
    }
    return "C:\\sample\\value.exe";
  }
}
