package io.tocsin.dsl.mongo;

import io.tocsin.model.Event;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * A MongoDB filter and, when the filter is broader than the condition, the residual predicate to
 * apply to each returned (canonical) event. Paging must then happen after the residual.
 */
public record MongoQuery(Document filter, Optional<Predicate<Event>> residual) {

  /** True when the filter alone selects exactly the matching events. */
  public boolean exact() {
    return residual.isEmpty();
  }

  /** Whether a returned event matches (always true for an exact query). */
  public boolean accept(Event event) {
    return residual.map(p -> p.test(event)).orElse(true);
  }
}
