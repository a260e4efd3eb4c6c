package io.tocsin.engine.runtime;

import io.tocsin.engine.policy.ValidatedRule;
import io.tocsin.model.Event;
import java.util.List;
import java.util.function.Predicate;

/** A validated rule with its exception predicates compiled. */
record RuleRuntime(int index, ValidatedRule rule, List<Predicate<Event>> exceptions) {

  boolean vetoed(Event event) {
    for (Predicate<Event> p : exceptions) {
      if (p.test(event)) {
        return true;
      }
    }
    return false;
  }
}
