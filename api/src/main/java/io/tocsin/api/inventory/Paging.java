package io.tocsin.api.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.ListResponse;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code limit}/{@code offset} paging with the Django REST framework body the seed uses: {@code
 * count}, {@code next}, {@code previous} (absolute URLs of the neighbouring pages, or null) and
 * {@code results}; plus the DESIGN §6 {@code total}/{@code has_more}.
 *
 * @param limit page size, 1..1000
 * @param offset rows skipped
 */
record Paging(int limit, long offset) {

  static Paging of(Integer limit, Long offset, int defaultLimit) {
    int l = limit == null ? defaultLimit : limit;
    if (l < 1 || l > ListResponse.MAX_LIMIT) {
      throw ApiException.badRequest("[limit] must be between 1 and " + ListResponse.MAX_LIMIT);
    }
    long o = offset == null ? 0 : offset;
    if (o < 0) {
      throw ApiException.badRequest("[offset] must not be negative");
    }
    return new Paging(l, o);
  }

  /** The page body; links point at the current request's URL with new limit/offset. */
  Page body(long count, List<?> results) {
    return new Page(
        count,
        offset + limit < count ? link(offset + limit) : null,
        offset > 0 ? link(Math.max(0, offset - limit)) : null,
        results,
        count,
        limit,
        offset,
        offset + results.size() < count);
  }

  /**
   * A page; {@code next} and {@code previous} are written even when null, as DRF clients expect.
   *
   * @param count rows matching
   * @param next URL of the next page, or null
   * @param previous URL of the previous page, or null
   * @param results this page's rows
   * @param total same as count (DESIGN §6)
   * @param limit page size
   * @param offset rows skipped
   * @param hasMore whether rows follow this page
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Page(
      long count,
      String next,
      String previous,
      List<?> results,
      long total,
      int limit,
      long offset,
      boolean hasMore) {}

  private String link(long newOffset) {
    UriComponentsBuilder uri =
        ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("limit", limit);
    uri =
        newOffset == 0
            ? uri.replaceQueryParam("offset")
            : uri.replaceQueryParam("offset", newOffset);
    try {
      // The request's query string arrives encoded already: keep it as it is.
      return uri.build(true).toUriString();
    } catch (IllegalArgumentException e) {
      return uri.build().encode().toUriString();
    }
  }
}
