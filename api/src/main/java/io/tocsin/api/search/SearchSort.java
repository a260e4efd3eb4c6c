package io.tocsin.api.search;

import io.tocsin.api.error.ApiException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sort} of a search: a string ({@code desc}, {@code asc}, {@code ts:desc}, {@code -ts})
 * or the INSEC object {@code {"field": "timestamp", "order": "desc"}} (also {@code {"timestamp":
 * "desc"}}). Results are ordered by event time; other fields are refused.
 */
final class SearchSort {

  private static final Set<String> TIME_FIELDS = Set.of("ts", "timestamp", "@timestamp", "time");

  private SearchSort() {}

  /** 1 for oldest first, -1 for newest first (the default). */
  static int direction(Object sort) {
    if (sort == null) {
      return -1;
    }
    if (sort instanceof String s) {
      return fromString(s);
    }
    if (sort instanceof Map<?, ?> map) {
      return fromObject(map);
    }
    throw ApiException.badRequest("sort: expected a string or an object, got [" + sort + "]");
  }

  private static int fromString(String sort) {
    if (sort.isBlank()) {
      return -1;
    }
    return switch (sort.trim().toLowerCase(Locale.ROOT)) {
      case "desc", "ts:desc", "-ts", "timestamp:desc", "-timestamp" -> -1;
      case "asc", "ts:asc", "ts", "+ts", "timestamp:asc", "timestamp", "+timestamp" -> 1;
      default -> throw ApiException.badRequest("sort: expected asc or desc, got [" + sort + "]");
    };
  }

  private static int fromObject(Map<?, ?> sort) {
    if (sort.containsKey("field") || sort.containsKey("order")) {
      Object field = sort.get("field");
      if (field != null && !TIME_FIELDS.contains(field.toString().toLowerCase(Locale.ROOT))) {
        throw unsortable(field);
      }
      Object order = sort.get("order");
      return order == null ? -1 : order(order);
    }
    if (sort.size() != 1) {
      throw ApiException.badRequest(
          "sort: expected {\"field\": \"timestamp\", \"order\": \"asc|desc\"}");
    }
    Map.Entry<?, ?> only = sort.entrySet().iterator().next();
    if (!TIME_FIELDS.contains(String.valueOf(only.getKey()).toLowerCase(Locale.ROOT))) {
      throw unsortable(only.getKey());
    }
    return order(only.getValue());
  }

  private static int order(Object order) {
    return switch (String.valueOf(order).trim().toLowerCase(Locale.ROOT)) {
      case "desc", "descending", "-1" -> -1;
      case "asc", "ascending", "1" -> 1;
      default ->
          throw ApiException.badRequest("sort.order: expected asc or desc, got [" + order + "]");
    };
  }

  private static ApiException unsortable(Object field) {
    return ApiException.badRequest(
        "sort.field: results are ordered by event time (timestamp); cannot sort by ["
            + field
            + "]");
  }
}
