package io.tocsin.dsl.eval;

import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.BooleanLiteral;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Exists;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.Not;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.ast.Or;
import io.tocsin.dsl.function.FunctionDescriptor;
import io.tocsin.dsl.function.Functions;
import io.tocsin.model.Event;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compiles a resolved tree, or any sub-tree of one, to a {@code Predicate<Event>}.
 *
 * <p>Semantics: a comparison on a missing field is false ({@code not} makes it true). On an array,
 * a comparison is true when any element matches, except {@code !=} and {@code not in}, which are
 * true when no element equals / is in the list (so {@code not (x == v)} and {@code x != v} differ
 * only on a missing field). {@code exists} is true when the field is present, even as an empty
 * array.
 */
public final class Interpreter {

  private Interpreter() {}

  /**
   * The predicate; chains of equalities on one field are first merged into hashed sets ({@link
   * EqualitySets}).
   */
  public static Predicate<Event> compile(Expr resolved) {
    return build(EqualitySets.rewrite(resolved));
  }

  private static Predicate<Event> build(Expr resolved) {
    if (resolved instanceof And and) {
      List<Predicate<Event>> terms = and.terms().stream().map(Interpreter::build).toList();
      return e -> {
        for (Predicate<Event> t : terms) {
          if (!t.test(e)) {
            return false;
          }
        }
        return true;
      };
    }
    if (resolved instanceof Or or) {
      List<Predicate<Event>> terms = or.terms().stream().map(Interpreter::build).toList();
      return e -> {
        for (Predicate<Event> t : terms) {
          if (t.test(e)) {
            return true;
          }
        }
        return false;
      };
    }
    if (resolved instanceof Not not) {
      return build(not.operand()).negate();
    }
    if (resolved instanceof BooleanLiteral b) {
      boolean value = b.value();
      return e -> value;
    }
    if (resolved instanceof Exists exists) {
      Function<Event, Object> extractor = extractor(exists.target());
      return e -> extractor.apply(e) != null;
    }
    if (resolved instanceof Comparison c && c.right() instanceof FieldRef) {
      return FieldComparisons.compile(c);
    }
    if (resolved instanceof Comparison c) {
      Function<Event, Object> extractor = extractor(c.left());
      Predicate<Object> matcher = matcher(c);
      return e -> matcher.test(extractor.apply(e));
    }
    throw new IllegalArgumentException("unresolved node: " + resolved.source().text());
  }

  /** Tests one extracted, non-array value against a resolved comparison. */
  public static Predicate<Object> valueMatcher(Comparison resolvedComparison) {
    return ValueMatchers.of(resolvedComparison);
  }

  /**
   * Tests an extracted value as the interpreter does: {@code null} (missing) is false, an array is
   * matched element-wise (any element; for {@code !=} and {@code not in}: every element).
   */
  public static Predicate<Object> matcher(Comparison resolvedComparison) {
    Predicate<Object> single = ValueMatchers.of(resolvedComparison);
    Operator op = resolvedComparison.operator();
    boolean negative = op == Operator.NE || op == Operator.NOT_IN;
    return v -> {
      if (v == null) {
        return false;
      }
      if (v instanceof List<?> list) {
        return negative ? list.stream().allMatch(single) : list.stream().anyMatch(single);
      }
      return single.test(v);
    };
  }

  /** Reads a field, or applies a function over fields; {@code null} when missing. */
  public static Function<Event, Object> extractor(Operand left) {
    if (left instanceof FieldRef field) {
      String path = field.path();
      return e -> e.get(path);
    }
    if (left instanceof FunctionCall call) {
      FunctionDescriptor f =
          Functions.lookup(call.name())
              .orElseThrow(() -> new IllegalArgumentException("unknown function " + call.name()));
      Function<Event, Object> arg = extractor(call.args().get(0));
      return e -> f.apply(arg.apply(e));
    }
    throw new IllegalArgumentException("not a field or function: " + left.source().text());
  }
}
