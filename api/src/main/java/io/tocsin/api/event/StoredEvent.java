package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.time.Instant;

/**
 * An event as stored, with the ingest metadata kept beside it.
 *
 * @param event the canonical event
 * @param ingestedAt when the server stored it
 * @param sourceShape the input shape it arrived in ({@code canonical}, {@code insec}, ...)
 */
public record StoredEvent(Event event, Instant ingestedAt, String sourceShape) {}
