package io.tocsin.api.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tocsin.api.web.Paging;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page in the Django REST framework body the seed uses: {@code count}, {@code next}, {@code
 * previous} (absolute URLs of the neighbouring pages, or null) and {@code results}; plus the DESIGN
 * §6 {@code total}/{@code has_more}. {@code next} and {@code previous} are written even when null,
 * as DRF clients expect. The request's {@code limit}/{@code offset} are checked by {@link Paging}.
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
record DrfPage(
    long count,
    String next,
    String previous,
    List<?> results,
    long total,
    int limit,
    long offset,
    boolean hasMore) {

  /** The page; links point at the current request's URL with new limit/offset. */
  static DrfPage of(Paging paging, long count, List<?> results) {
    int limit = paging.limit();
    long offset = paging.offset();
    return new DrfPage(
        count,
        offset + limit < count ? link(limit, offset + limit) : null,
        offset > 0 ? link(limit, Math.max(0, offset - limit)) : null,
        results,
        count,
        limit,
        offset,
        offset + results.size() < count);
  }

  private static String link(int limit, long newOffset) {
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
