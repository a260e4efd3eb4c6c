package io.tocsin.agent.collect;

import io.tocsin.model.Event;

/** Where collectors put events; never blocks (returns false when the event was dropped). */
@FunctionalInterface
public interface EventSink {

  boolean offer(Event event);
}
