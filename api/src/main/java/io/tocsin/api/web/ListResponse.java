package io.tocsin.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list shape of DESIGN §6: the items under a resource-named key, plus {@code total}, {@code
 * limit}, {@code offset} and {@code has_more}.
 */
public final class ListResponse {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private ListResponse() {}

  public static Map<String, Object> of(
      String key, List<?> items, long total, int limit, long offset) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, items);
    body.put("total", total);
    body.put("limit", limit);
    body.put("offset", offset);
    body.put("has_more", offset + items.size() < total);
    return body;
  }

  /** Clamps a requested page size into 1..{@value #MAX_LIMIT}. */
  public static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    return Math.max(1, Math.min(MAX_LIMIT, requested));
  }
}
