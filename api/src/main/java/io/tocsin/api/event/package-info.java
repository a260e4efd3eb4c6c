/**
 * Events: ingest ({@code POST /events}, {@code POST /security/events}), storage in the {@code
 * events} collection in the nested canonical shape, and queries ({@code GET /events}, {@code GET
 * /events/{id}}). Every accepted event is stored before the response and handed to the detection
 * pipeline; see docs/api-events.md.
 */
package io.tocsin.api.event;
