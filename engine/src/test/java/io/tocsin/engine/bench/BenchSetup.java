package io.tocsin.engine.bench;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.EngineConfig;
import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Builds the three implementations for a workload. */
final class BenchSetup {

  private BenchSetup() {}

  static DetectionEngine engine(Workload w) {
    DetectionEngine engine =
        DetectionEngine.create(
            "bench",
            new DslLanguage(),
            EngineConfig.defaults(),
            Clock.fixed(Workload.START, ZoneOffset.UTC));
    LoadResult result = engine.reload(w.policies, Map.of(), Map.of());
    if (!result.ok()) {
      throw new IllegalStateException(result.describe());
    }
    return engine;
  }

  static List<Predicate<Event>> interpreted(Workload w) {
    return w.rules.stream()
        .map(
            r ->
                Interpreter.compile(
                    Conditions.compile(r.condition(), ConditionContext.EMPTY).root()))
        .toList();
  }
}
