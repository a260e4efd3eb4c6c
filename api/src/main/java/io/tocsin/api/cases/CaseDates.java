package io.tocsin.api.cases;

import io.tocsin.api.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Dates of cases and tasks. The CyberPulse clients send Python's {@code isoformat()}, which has no
 * offset ({@code 2025-01-15T09:00:00}), or a bare date; both are read as UTC.
 */
final class CaseDates {

  private CaseDates() {}

  /**
   * The instant {@code value} names, at the store's precision (milliseconds, so sending a stored
   * value back is no change); null for null; a 400 naming {@code field} when unreadable.
   */
  static Instant parse(String field, String value) {
    Instant parsed = parseExact(field, value);
    return parsed == null ? null : parsed.truncatedTo(ChronoUnit.MILLIS);
  }

  private static Instant parseExact(String field, String value) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw ApiException.badRequest(
              field + " must be an ISO-8601 date or date-time such as 2025-01-15T09:00:00Z",
              Map.of("field", field, "reason", "not an ISO-8601 date"));
        }
      }
    }
  }
}
