package io.tocsin.api.event;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.Paging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of the query parameters event lists and searches share. */
public final class TimeParams {

  private TimeParams() {}

  /** An ISO-8601 instant (with offset) or epoch milliseconds; null stays null. */
  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochMilli(Long.parseLong(v));
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw ApiException.badRequest(
          name + ": expected an ISO-8601 time such as 2026-01-31T12:00:00Z, got [" + v + "]");
    }
  }

  /** A page size: default {@value Paging#DEFAULT_LIMIT}, 400 outside 1..1000. */
  public static int limit(Integer requested) {
    if (requested == null) {
      return Paging.DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > Paging.MAX_LIMIT) {
      throw ApiException.badRequest("limit: must be between 1 and " + Paging.MAX_LIMIT);
    }
    return requested;
  }

  /** Checks {@code start <= end} when both are given. */
  public static void range(Instant start, Instant end) {
    if (start != null && end != null && start.isAfter(end)) {
      throw ApiException.badRequest("start_time: must not be after end_time");
    }
  }
}
