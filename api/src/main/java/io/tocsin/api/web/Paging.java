package io.tocsin.api.web;

import io.tocsin.api.error.ApiException;

/**
 * Checks {@code limit} (default 100, 1..1000) and {@code offset} (0 or more) of a list request.
 *
 * @param limit page size
 * @param offset items skipped
 */
public record Paging(int limit, long offset) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public static Paging of(Integer limit, Long offset) {
    return of(limit, offset, DEFAULT_LIMIT);
  }

  /** As {@link #of(Integer, Long)}, for lists whose page size defaults to another value. */
  public static Paging of(Integer limit, Long offset, int defaultLimit) {
    int l = limit == null ? defaultLimit : limit;
    if (l < 1 || l > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + l);
    }
    long o = offset == null ? 0 : offset;
    if (o < 0) {
      throw ApiException.badRequest("offset must be 0 or more, got " + o);
    }
    return new Paging(l, o);
  }

  /** Clamps a requested page size into 1..{@value #MAX_LIMIT} (lists that never refused one). */
  public static int clampedLimit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    return Math.max(1, Math.min(MAX_LIMIT, requested));
  }
}
