package io.tocsin.engine.correlation;

import io.tocsin.model.Event;
import java.util.List;

/**
 * A correlation that completed.
 *
 * @param events the triggering events, oldest first (bounded)
 * @param count how many matching events the correlation counted
 * @param firstMillis event time of the first counted event
 * @param lastMillis event time of the event that completed it (for absence: the deadline)
 * @param reason a short human explanation, e.g. {@code 5 events within PT1M}
 */
public record Fired(
    GroupKey key,
    List<Event> events,
    long count,
    long firstMillis,
    long lastMillis,
    String reason) {

  public Fired {
    events = List.copyOf(events);
  }
}
