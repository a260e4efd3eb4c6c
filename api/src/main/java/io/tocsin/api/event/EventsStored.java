package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.util.List;

/**
 * Events ingest has just stored (duplicates excluded), published as a Spring application event on
 * the ingesting thread. Listeners (the live {@code security_events} stream) depend on this package,
 * not the other way round.
 *
 * @param tenantId tenant of the events
 * @param events the stored events, in ingest order
 */
public record EventsStored(String tenantId, List<Event> events) {}
