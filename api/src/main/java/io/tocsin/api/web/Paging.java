package io.tocsin.api.web;

import io.tocsin.api.error.ApiException;

/**
 * Checks {@code limit} (default 100, 1..1000) and {@code offset} (0 or more) of a list request.
 *
 * @param limit page size
 * @param offset items skipped
 */
public record Paging(int limit, long offset) {

  public static Paging of(Integer limit, Long offset) {
    return of(limit, offset, ListResponse.DEFAULT_LIMIT);
  }

  /** As {@link #of(Integer, Long)}, for lists whose page size defaults to another value. */
  public static Paging of(Integer limit, Long offset, int defaultLimit) {
    int l = limit == null ? defaultLimit : limit;
    if (l < 1 || l > ListResponse.MAX_LIMIT) {
      throw ApiException.badRequest(
          "limit must be between 1 and " + ListResponse.MAX_LIMIT + ", got " + l);
    }
    long o = offset == null ? 0 : offset;
    if (o < 0) {
      throw ApiException.badRequest("offset must be 0 or more, got " + o);
    }
    return new Paging(l, o);
  }
}
