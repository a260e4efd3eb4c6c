package io.tocsin.api.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page in the Django REST framework body the seed uses: {@code count}, {@code next}, {@code
 * previous} (absolute URLs of the neighbouring pages, or null) and {@code results}; plus the paging
 * fields every list carries ({@code total}, {@code limit}, {@code offset}, {@code has_more}) from
 * {@link PageInfo}. {@code next} and {@code previous} are written even when null, as DRF clients
 * expect. The request's {@code limit}/{@code offset} are checked by {@link Paging}.
 *
 * @param count rows matching (same as {@code total})
 * @param next URL of the next page, or null
 * @param previous URL of the previous page, or null
 * @param results this page's rows
 * @param page the paging fields
 * @param <T> the row type
 */
record DrfPage<T>(
    long count,
    @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "URL of the next page; null on the last page")
        String next,
    @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "URL of the previous page; null on the first page")
        String previous,
    List<T> results,
    @JsonUnwrapped PageInfo page) {

  /** The page; links point at the current request's URL with new limit/offset. */
  static <T> DrfPage<T> of(Paging paging, long count, List<T> results) {
    int limit = paging.limit();
    long offset = paging.offset();
    return new DrfPage<>(
        count,
        offset + limit < count ? link(limit, offset + limit) : null,
        offset > 0 ? link(limit, Math.max(0, offset - limit)) : null,
        results,
        PageInfo.of(paging, count, results.size()));
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
