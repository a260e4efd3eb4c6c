package io.tocsin.api.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.event.EventView;
import io.tocsin.api.web.PageInfo;
import java.util.List;

/**
 * {@code POST /search/events}: the first {@code limit} matching events, newest first unless sorted
 * otherwise. {@code total} counts every match ({@code has_more} when it exceeds the results); it is
 * a lower bound when {@code truncated}. No offset: a search pages by narrowing the time range.
 *
 * @param took milliseconds the search ran
 */
record SearchResults(
    @Schema(description = "Matching events, as GET /events lists them") List<EventView> results,
    long took,
    @Schema(description = "True when the scan stopped at tocsin.search.max-scan; absent otherwise")
        Boolean truncated,
    @JsonUnwrapped PageInfo page) {

  static SearchResults of(
      List<EventView> results, long total, long took, int limit, boolean truncated) {
    return new SearchResults(
        results,
        took,
        truncated ? Boolean.TRUE : null,
        new PageInfo(total, limit, null, total > results.size(), null));
  }
}
