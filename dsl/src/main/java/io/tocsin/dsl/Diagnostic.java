package io.tocsin.dsl;

import java.util.Objects;

/**
 * One problem found in a condition: a stable upper-snake {@code code} (listed in docs/language.md),
 * 1-based {@code line} and {@code column}, and a message that names user values in brackets and
 * suggests a fix where one fits.
 */
public record Diagnostic(String code, Severity severity, int line, int column, String message) {

  /** Errors make a condition unusable; warnings are advice. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(String code, int line, int column, String message) {
    return new Diagnostic(code, Severity.ERROR, line, column, message);
  }

  public static Diagnostic warning(String code, int line, int column, String message) {
    return new Diagnostic(code, Severity.WARNING, line, column, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return "line " + line + ":" + column + ": " + message;
  }
}
