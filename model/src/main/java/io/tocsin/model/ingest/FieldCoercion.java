package io.tocsin.model.ingest;

import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Types one flattened field against the {@link FieldCatalog}; unknown fields go to payload. */
final class FieldCoercion {

  static final int MAX_STRING_LENGTH = 32 * 1024;
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

  private FieldCoercion() {}

  /** The catalog path a raw path is stored under: unknown fields move below {@code payload.}. */
  static String canonicalPath(String path) {
    return FieldCatalog.typeOf(path).isPresent() ? path : FieldCatalog.PAYLOAD_PREFIX + path;
  }

  static Object coerce(String path, Object value) throws InvalidEventException {
    FieldType type = FieldCatalog.typeOf(path).orElse(FieldType.ANY);
    return switch (type) {
      case STRING -> string(path, value);
      case INTEGER, BYTES -> integer(path, value);
      case DECIMAL -> decimal(path, value);
      case IP -> ip(path, value);
      case TIMESTAMP -> timestamp(path, value);
      case BOOLEAN -> bool(path, value);
      case STRING_ARRAY -> stringArray(path, value);
      case ANY -> any(path, value);
    };
  }

  private static String string(String path, Object value) throws InvalidEventException {
    if (value instanceof Map || value instanceof List) {
      throw invalid(path, "expected a string, got " + kind(value));
    }
    String s = value.toString();
    if (s.length() > MAX_STRING_LENGTH) {
      throw invalid(path, "longer than " + MAX_STRING_LENGTH + " characters");
    }
    return s;
  }

  private static Long integer(String path, Object value) throws InvalidEventException {
    if (value instanceof Number n && (n instanceof Long || n instanceof Integer || isWhole(n))) {
      return n.longValue();
    }
    if (value instanceof String s && INTEGER.matcher(s.trim()).matches()) {
      return Long.parseLong(s.trim());
    }
    throw invalid(path, "expected an integer, got " + kind(value) + " [" + value + "]");
  }

  private static Double decimal(String path, Object value) throws InvalidEventException {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(path, "expected a number, got [" + value + "]");
    }
  }

  private static String ip(String path, Object value) throws InvalidEventException {
    String s = string(path, value).trim();
    if (!IP_LITERAL.matcher(s).matches() || !(s.contains(".") || s.contains(":"))) {
      throw invalid(path, "expected an IPv4 or IPv6 address, got [" + s + "]");
    }
    return s;
  }

  private static Boolean bool(String path, Object value) throws InvalidEventException {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = value.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(path, "expected true or false, got [" + value + "]");
  }

  /** ISO-8601 with offset, without (read as UTC), or epoch seconds / milliseconds. */
  static Instant timestamp(String path, Object value) throws InvalidEventException {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Number n) {
      long v = n.longValue();
      return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
    }
    String s = value.toString().trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw invalid(path, "expected an ISO-8601 timestamp, got [" + s + "]");
      }
    }
  }

  /** Arrays stay arrays; a lone string becomes argv (process.cmd) or a one-element array. */
  private static List<String> stringArray(String path, Object value) throws InvalidEventException {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item != null) {
          out.add(string(path, item));
        }
      }
    } else if (path.equals("process.cmd")) {
      Arrays.stream(string(path, value).trim().split("\\s+"))
          .filter(a -> !a.isEmpty())
          .forEach(out::add);
    } else {
      out.add(string(path, value));
    }
    return List.copyOf(out);
  }

  private static Object any(String path, Object value) throws InvalidEventException {
    if (value instanceof String s) {
      return string(path, s);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof Map) {
          throw invalid(path, "arrays of objects are not supported in free-form fields");
        }
        if (item != null) {
          out.add(item);
        }
      }
      return out;
    }
    return value;
  }

  private static boolean isWhole(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e18;
  }

  private static String kind(Object value) {
    return value instanceof Map ? "an object" : value instanceof List ? "an array" : "a value";
  }

  static InvalidEventException invalid(String path, String reason) {
    return new InvalidEventException(path + ": " + reason);
  }
}
