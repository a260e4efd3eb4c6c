package io.tocsin.api.cases;

import io.tocsin.api.security.CurrentPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Builds audit entries, and appends one only when the value really changed. */
final class Audit {

  /** Name recorded for changes nobody made by hand (severity following the alerts). */
  static final String SYSTEM = "system";

  private Audit() {}

  static CaseAuditEntry entry(
      Instant at, CurrentPrincipal who, String action, String target, String from, String to) {
    return new CaseAuditEntry(
        at,
        who == null ? null : who.userId(),
        who == null ? SYSTEM : who.username(),
        action,
        target,
        from,
        to);
  }

  /** Appends a {@code field} entry to {@code into} if {@code from} and {@code to} differ. */
  static boolean changed(
      List<CaseAuditEntry> into,
      Instant at,
      CurrentPrincipal who,
      String field,
      String target,
      Object from,
      Object to) {
    if (Objects.equals(from, to)) {
      return false;
    }
    into.add(entry(at, who, field, target, text(from), text(to)));
    return true;
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    return abbreviate(
        value instanceof List<?> list
            ? String.join(",", list.stream().map(String::valueOf).toList())
            : value.toString());
  }
}
