package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Source;

/** Numbers from text (named-list values, shorthand values). */
final class Numbers {

  private Numbers() {}

  /** An INTEGER or DECIMAL literal, or {@code null} when {@code text} is not a plain number. */
  static Literal parse(Source at, String text) {
    if (!text.matches("-?[0-9]{1,19}(\\.[0-9]{1,20})?")) {
      return null;
    }
    try {
      if (text.indexOf('.') < 0) {
        return new Literal(at, LiteralKind.INTEGER, Long.parseLong(text));
      }
      return new Literal(at, LiteralKind.DECIMAL, Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
