package io.tocsin.api.inventory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, lenient-where-harmless reads from a parsed JSON object that collect every problem as
 * {@code path: reason} instead of failing on the first, so a 400 names all bad fields at once.
 */
final class FieldReader {

  /** More reasons than this add nothing for the caller and only grow the response. */
  static final int MAX_ERRORS = 25;

  private final Map<String, String> errors = new LinkedHashMap<>();

  Map<String, String> errors() {
    return errors;
  }

  void fail(String path, String reason) {
    if (errors.size() < MAX_ERRORS) {
      errors.putIfAbsent(path, reason);
    }
  }

  /** A string of at most {@code max} characters, or null when absent. */
  String string(Map<?, ?> object, String key, String path, int max) {
    Object value = object.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      fail(path, "must be a string");
      return null;
    }
    if (s.length() > max) {
      fail(path, "must be at most " + max + " characters");
      return null;
    }
    return s;
  }

  /** A whole number in {@code [min, max]}, or null when absent. */
  Long integer(Map<?, ?> object, String key, String path, long min, long max) {
    Object value = object.get(key);
    if (value == null) {
      return null;
    }
    Long n = asLong(value);
    if (n == null) {
      fail(path, "must be an integer");
      return null;
    }
    if (n < min || n > max) {
      fail(
          path,
          max == Long.MAX_VALUE
              ? "must be at least " + min
              : "must be between " + min + " and " + max);
      return null;
    }
    return n;
  }

  /** A finite number {@code >= 0}, or null when absent. */
  Double nonNegative(Map<?, ?> object, String key, String path) {
    Object value = object.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      fail(path, "must be a number");
      return null;
    }
    if (n.doubleValue() < 0) {
      fail(path, "must not be negative");
      return null;
    }
    return n.doubleValue();
  }

  /** An ISO-8601 instant or epoch seconds (the seed's {@code create_time}), or null when absent. */
  Instant time(Map<?, ?> object, String key, String path) {
    Object value = object.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
      double seconds = n.doubleValue();
      if (seconds < 1e11) {
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
      }
    } else if (value instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        fail(path, "must be an ISO-8601 instant such as 2026-01-31T10:00:00Z");
        return null;
      }
    }
    fail(path, "must be an ISO-8601 instant or epoch seconds");
    return null;
  }

  /** A JSON object, or null when absent. */
  Map<?, ?> object(Map<?, ?> object, String key, String path) {
    Object value = object.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    fail(path, "must be an object");
    return null;
  }

  /** A JSON array, or null when absent. */
  List<?> array(Map<?, ?> object, String key, String path) {
    Object value = object.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> l) {
      return l;
    }
    fail(path, "must be an array");
    return null;
  }

  static Long asLong(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
        return (long) d;
      }
    }
    return null;
  }
}
