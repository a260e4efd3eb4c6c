package io.tocsin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Shared test helpers: engines on a fixed clock, events at offsets from {@link #T0}. */
public final class Fixtures {

  public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final AtomicLong IDS = new AtomicLong();

  private Fixtures() {}

  public static DetectionEngine engine() {
    return engine(EngineConfig.defaults());
  }

  public static DetectionEngine engine(EngineConfig config) {
    return DetectionEngine.create("t1", new DslLanguage(), config, Clock.fixed(T0, ZoneOffset.UTC));
  }

  /** An event {@code seconds} after {@link #T0} with the given path/value pairs. */
  public static Event event(long seconds, Object... pathsAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", "e" + IDS.incrementAndGet());
    fields.put("ts", T0.plusSeconds(seconds));
    fields.put("tenant_id", "t1");
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      fields.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
    }
    return Event.of(fields);
  }

  public static PolicyDefinition policy(String id, RuleDefinition... rules) {
    return new PolicyDefinition(
        id, "Policy " + id, "test policy", true, List.of("attack.t1059"), List.of(rules));
  }

  public static RuleDefinition rule(String id, String condition) {
    return RuleDefinition.simple(id, condition, "alert", "high");
  }

  /** Reloads and asserts the set was accepted. */
  public static LoadResult load(DetectionEngine engine, PolicyDefinition... policies) {
    return load(engine, Map.of(), Map.of(), policies);
  }

  public static LoadResult load(
      DetectionEngine engine,
      Map<String, List<String>> lists,
      Map<String, String> macros,
      PolicyDefinition... policies) {
    LoadResult result = engine.reload(List.of(policies), lists, macros);
    assertThat(result.ok()).as(result.describe()).isTrue();
    return result;
  }

  /** Rule ids of the NEW detections. */
  public static List<String> fired(List<Detection> detections) {
    return detections.stream()
        .filter(d -> d.kind() == Detection.Kind.NEW)
        .map(Detection::ruleId)
        .toList();
  }
}
