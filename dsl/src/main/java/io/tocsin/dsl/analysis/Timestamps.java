package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamp literals: ISO-8601 with {@code Z} or an offset, a local date-time (taken as UTC), or a
 * date (midnight UTC). The typed literal stays a STRING, normalized to {@link Instant#toString()}.
 */
final class Timestamps {

  private Timestamps() {}

  static Literal literal(Literal lit, Typed left, Problems problems) {
    String text = lit.kind() == LiteralKind.STRING ? (String) lit.value() : lit.source().text();
    Instant at = parse(text);
    if (at == null) {
      problems.error(
          "INVALID_TIMESTAMP",
          lit.source(),
          "["
              + text
              + "] is not a timestamp for ["
              + left.operand().source().text()
              + "], write ISO-8601 such as ['2024-05-01T12:00:00Z']");
      return null;
    }
    return new Literal(lit.source(), LiteralKind.STRING, at.toString());
  }

  static Instant parse(String text) {
    if (text.length() > 64) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // not with an offset; try the other accepted forms below
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a local date-time either
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
