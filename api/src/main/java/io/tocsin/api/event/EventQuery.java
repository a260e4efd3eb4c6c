package io.tocsin.api.event;

import io.tocsin.api.web.PageCursor;
import java.time.Instant;

/**
 * Filters and page of {@code GET /events}.
 *
 * @param start inclusive lower bound of {@code ts}, or null
 * @param end exclusive upper bound of {@code ts}, or null
 * @param eventType {@code event.type}, or null
 * @param hostId {@code host_id}, or null
 * @param userId {@code user.id}, or null
 * @param limit page size
 * @param offset events to skip (only without a cursor)
 * @param cursor continue after this position, or null
 */
record EventQuery(
    Instant start,
    Instant end,
    String eventType,
    String hostId,
    String userId,
    int limit,
    long offset,
    PageCursor cursor) {}
