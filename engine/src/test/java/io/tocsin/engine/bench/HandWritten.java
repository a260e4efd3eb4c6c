package io.tocsin.engine.bench;

import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The limit: hand-written Java predicates for the same rules, dispatched through hand-built hash
 * maps on each rule's equality field (what a programmer would write for speed); rules without one
 * are tested one by one.
 */
final class HandWritten {

  private final Map<String, Map<Object, List<Predicate<Event>>>> dispatch = new HashMap<>();
  private final String[] fields;
  private final List<Predicate<Event>> unkeyed = new ArrayList<>();

  HandWritten(List<RuleSpec> rules) {
    for (RuleSpec r : rules) {
      if (r.dispatchField() == null) {
        unkeyed.add(r.hand());
      } else {
        dispatch
            .computeIfAbsent(r.dispatchField(), f -> new HashMap<>())
            .computeIfAbsent(r.dispatchValue(), v -> new ArrayList<>())
            .add(r.hand());
      }
    }
    fields = dispatch.keySet().toArray(new String[0]);
  }

  int matches(Event e) {
    int n = 0;
    for (String f : fields) {
      Object v = e.get(f);
      if (v != null) {
        List<Predicate<Event>> candidates = dispatch.get(f).get(v);
        if (candidates != null) {
          for (Predicate<Event> p : candidates) {
            if (p.test(e)) {
              n++;
            }
          }
        }
      }
    }
    for (Predicate<Event> p : unkeyed) {
      if (p.test(e)) {
        n++;
      }
    }
    return n;
  }
}
