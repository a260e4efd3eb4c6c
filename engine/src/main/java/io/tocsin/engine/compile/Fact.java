package io.tocsin.engine.compile;

import io.tocsin.model.Event;

/**
 * The fact inserted into a session for one event.
 *
 * @param seq the event's position in its batch, so matches can be put back in event order
 */
public record Fact(int seq, Event event) {}
