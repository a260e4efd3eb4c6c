package io.tocsin.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The paging fields every list response carries (DESIGN §6), unwrapped beside the items: a list
 * record declares {@code List<XView> xs} and {@code @JsonUnwrapped PageInfo page}, so every list
 * answers {@code {"xs": [...], "total", "limit", "offset", "has_more", "next_cursor"}} from this
 * one type.
 *
 * @param total items matching the request
 * @param limit page size applied
 * @param offset items skipped; absent when the page was read by cursor
 * @param hasMore whether items follow this page
 * @param nextCursor opaque cursor of the next page, for lists read by cursor; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageInfo(
    long total,
    int limit,
    @Schema(description = "Items skipped; absent when the page was read by cursor") Long offset,
    boolean hasMore,
    @Schema(description = "Pass as `cursor` to read the next page; absent when none follows")
        String nextCursor) {

  /** An offset page of {@code pageSize} items out of {@code total}. */
  public static PageInfo of(Paging paging, long total, int pageSize) {
    return new PageInfo(
        total, paging.limit(), paging.offset(), paging.offset() + pageSize < total, null);
  }

  /** A page read by cursor: no offset, the next cursor when more follow. */
  public static PageInfo ofCursor(long total, int limit, String nextCursor) {
    return new PageInfo(total, limit, null, nextCursor != null, nextCursor);
  }
}
