package io.tocsin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Golden check: for every (condition, event), the engine fires exactly when the interpreter's
 * predicate holds, and the dsl's MongoDB translation (filter plus residual) selects exactly those
 * events from a MongoDB-compatible store. All conditions go into one policy set and all events into
 * one batch.
 */
public final class Agreement {

  private Agreement() {}

  /** Returns, per condition, the indexes of the events it matched (for expectations). */
  public static List<List<Integer>> check(
      List<String> conditions, List<Event> events, Map<String, List<String>> lists) {
    List<RuleDefinition> rules = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      rules.add(Fixtures.rule("r" + i, conditions.get(i)));
    }
    PolicyDefinition policy = new PolicyDefinition("golden", "Golden", "", true, List.of(), rules);
    List<List<Integer>> matched = new ArrayList<>();
    try (DetectionEngine engine = Fixtures.engine();
        MongoAgreement mongo = new MongoAgreement(events)) {
      Fixtures.load(engine, lists, Map.of(), policy);
      List<TreeSet<String>> engineHits = new ArrayList<>();
      for (int i = 0; i < conditions.size(); i++) {
        engineHits.add(new TreeSet<>());
      }
      for (Detection d : engine.evaluate(events)) {
        int rule = Integer.parseInt(d.ruleId().substring(1));
        engineHits.get(rule).add(d.events().get(0).id());
      }
      ConditionContext ctx = ConditionContext.of(lists, Map.of());
      for (int i = 0; i < conditions.size(); i++) {
        Predicate<Event> p = Interpreter.compile(Conditions.compile(conditions.get(i), ctx).root());
        TreeSet<String> expected = new TreeSet<>();
        List<Integer> indexes = new ArrayList<>();
        for (int e = 0; e < events.size(); e++) {
          if (p.test(events.get(e))) {
            expected.add(events.get(e).id());
            indexes.add(e);
          }
        }
        assertThat(engineHits.get(i))
            .as("engine vs interpreter for [%s]", conditions.get(i))
            .isEqualTo(expected);
        assertThat(mongo.select(conditions.get(i), lists))
            .as("MongoDB translation vs interpreter for [%s]", conditions.get(i))
            .isEqualTo(expected);
        matched.add(indexes);
      }
    }
    return matched;
  }
}
