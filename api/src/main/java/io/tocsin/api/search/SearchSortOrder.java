package io.tocsin.api.search;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The INSEC form of a search's {@code sort}, documented only: {@link SearchSort} reads it (and the
 * shorter {@code {"timestamp": "desc"}}) from the raw value.
 *
 * @param field a time field: {@code timestamp}, {@code ts}, {@code @timestamp} or {@code time}
 * @param order {@code asc} or {@code desc}
 */
@Schema(description = "Sort by event time, INSEC style")
record SearchSortOrder(String field, String order) {}
