package io.tocsin.api.search;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /search/events}.
 *
 * @param query a condition in the language (either syntax)
 * @param startTime inclusive lower bound of {@code ts} (ISO-8601), optional
 * @param endTime inclusive upper bound of {@code ts}, optional
 * @param limit most results (default 100, max 1000)
 * @param sort {@code desc} (newest first, default) or {@code asc}, or the INSEC object {@code
 *     {"field": "timestamp", "order": "desc"}}; see {@link SearchSort}
 */
record SearchRequest(
    String query,
    String startTime,
    String endTime,
    Integer limit,
    @Schema(
            description =
                "Order by event time: \"desc\" (newest first, the default) or \"asc\", or the"
                    + " INSEC object {\"field\": \"timestamp\", \"order\": \"desc\"}",
            oneOf = {String.class, SearchSortOrder.class})
        Object sort) {}
