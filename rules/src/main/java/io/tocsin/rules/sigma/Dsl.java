package io.tocsin.rules.sigma;

import java.util.List;

/** Writes condition-language text: quoted literals and parenthesised joins. */
final class Dsl {

  private Dsl() {}

  /** A single-quoted string literal; every character that needs it is escaped. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('\'').toString();
  }

  static String and(List<String> terms) {
    return join(terms, " and ");
  }

  static String or(List<String> terms) {
    return join(terms, " or ");
  }

  static String not(String term) {
    return "not (" + term + ")";
  }

  private static String join(List<String> terms, String op) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("nothing to join");
    }
    if (terms.size() == 1) {
      return terms.get(0);
    }
    return "(" + String.join(op, terms) + ")";
  }
}
