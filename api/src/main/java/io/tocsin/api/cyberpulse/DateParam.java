package io.tocsin.api.cyberpulse;

import io.tocsin.api.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * CyberPulse date parameters: an ISO-8601 time with offset, one without (Python's {@code
 * datetime.isoformat()}; read as UTC), or a bare date (the start of that day in UTC, or for an end
 * bound its last millisecond). Anything else is a 400 naming the parameter.
 */
final class DateParam {

  private DateParam() {}

  static Instant start(String name, String value) {
    return parse(name, value, false);
  }

  static Instant end(String name, String value) {
    return parse(name, value, true);
  }

  private static Instant parse(String name, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      LocalDate day = LocalDate.parse(v);
      Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      return endOfDay
          ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
          : start;
    } catch (DateTimeParseException e) {
      String reason =
          "expected an ISO-8601 date or time such as 2026-01-31 or 2026-01-31T12:00:00Z";
      throw ApiException.badRequest(
          name + ": " + reason + ", got [" + v + "]", Map.of("field", name, "reason", reason));
    }
  }
}
