package io.tocsin.dsl.eval;

import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.function.Strings;
import io.tocsin.model.Event;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Comparisons of one field with another ({@code process.name == process.parent.name}). False when
 * either side is missing; on arrays true when any pair of elements matches, and {@code !=} true
 * when no pair is equal.
 */
final class FieldComparisons {

  private FieldComparisons() {}

  static Predicate<Event> compile(Comparison c) {
    Function<Event, Object> left = Interpreter.extractor(c.left());
    Function<Event, Object> right = Interpreter.extractor(c.right());
    Operator op = c.operator();
    BiPredicate<Object, Object> test = pair(op == Operator.NE ? Operator.EQ : op);
    boolean negate = op == Operator.NE;
    return e -> {
      Object l = left.apply(e);
      Object r = right.apply(e);
      if (l == null || r == null) {
        return false;
      }
      boolean any = false;
      for (Object a : elements(l)) {
        for (Object b : elements(r)) {
          any |= a != null && b != null && test.test(a, b);
        }
      }
      return negate != any;
    };
  }

  private static List<?> elements(Object v) {
    return v instanceof List<?> list ? list : List.of(v);
  }

  private static BiPredicate<Object, Object> pair(Operator op) {
    return switch (op) {
      case EQ -> (a, b) -> Values.key(a).equals(Values.key(b));
      case IEQUALS -> text((a, b) -> a.equals(b), true);
      case CONTAINS -> text(String::contains, false);
      case ICONTAINS -> text(String::contains, true);
      case STARTSWITH -> text(String::startsWith, false);
      case ISTARTSWITH -> text(String::startsWith, true);
      case ENDSWITH -> text(String::endsWith, false);
      case IENDSWITH -> text(String::endsWith, true);
      default -> throw new IllegalArgumentException("no field-to-field form of " + op);
    };
  }

  private static BiPredicate<Object, Object> text(BiPredicate<String, String> test, boolean fold) {
    return (a, b) ->
        a instanceof String x
            && b instanceof String y
            && (fold ? test.test(Strings.asciiLower(x), Strings.asciiLower(y)) : test.test(x, y));
  }
}
