package io.tocsin.dsl.eval;

import java.time.Instant;

/** Value normalization shared by the operators: numbers compare by value across Long/Double. */
final class Values {

  private static final double TWO_POW_53 = 9007199254740992.0;

  private Values() {}

  /**
   * A key under which equal numbers are equal: integral doubles within ±2^53 become Long (so 5 and
   * 5.0, and 0.0 and -0.0, are the same key), other doubles stay Double; non-numbers unchanged.
   */
  static Object key(Object value) {
    if (value instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) <= TWO_POW_53) {
        return (long) (double) d;
      }
      return d;
    }
    return value;
  }

  /** Compares two numbers by value; NaN compares as unordered (every comparison false). */
  static int compare(Number a, Number b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    double x = a.doubleValue();
    double y = b.doubleValue();
    if (x < y) {
      return -1;
    }
    return x > y ? 1 : 0;
  }

  static boolean isNaN(Object v) {
    return v instanceof Double d && d.isNaN();
  }

  static Instant instant(Object v) {
    return v instanceof Instant i ? i : null;
  }
}
