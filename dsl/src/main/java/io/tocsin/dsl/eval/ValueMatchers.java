package io.tocsin.dsl.eval;

import com.google.re2j.Pattern;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.function.Functions;
import io.tocsin.dsl.function.Strings;
import io.tocsin.model.FieldType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The semantics of every operator, in one place: a predicate over one extracted, non-array value.
 * Values of the wrong type never match (a string is not greater than 5), like MongoDB's type
 * bracketing. Case-insensitive operators fold ASCII letters only (see {@link Strings}).
 */
public final class ValueMatchers {

  private ValueMatchers() {}

  /** The matcher for a resolved comparison (its right side a Literal or ListLiteral). */
  public static Predicate<Object> of(Comparison c) {
    FieldType type = Functions.typeOf(c.left());
    Operator op = c.operator();
    if (op == Operator.IN || op == Operator.NOT_IN) {
      Predicate<Object> in = in(((ListLiteral) c.right()).values(), type);
      return op == Operator.IN ? in : in.negate();
    }
    if (op == Operator.SEARCH) {
      throw new IllegalArgumentException("unresolved search shorthand: " + c.source().text());
    }
    Literal literal = (Literal) c.right();
    Object lit = literal.value();
    return switch (op) {
      case EQ -> equalTo(literal, type);
      case NE -> equalTo(literal, type).negate();
      case LT, LE, GT, GE -> ordered(op, literal, type);
      case CONTAINS -> string(s -> s.contains((String) lit));
      case STARTSWITH -> string(s -> s.startsWith((String) lit));
      case ENDSWITH -> string(s -> s.endsWith((String) lit));
      case ICONTAINS -> folded(lit, String::contains);
      case ISTARTSWITH -> folded(lit, String::startsWith);
      case IENDSWITH -> folded(lit, String::endsWith);
      case MATCHES -> regex(Pattern.compile((String) lit));
      case GLOB -> glob(GlobMatcher.compile((String) lit));
      case IEQUALS, WILDCARD, IWILDCARD -> TextMatchers.of(op, (String) lit);
      default -> throw new IllegalArgumentException("unexpected operator " + op);
    };
  }

  private static Predicate<Object> equalTo(Literal literal, FieldType type) {
    Object lit = literal.value();
    if (type == FieldType.IP && lit instanceof String s) {
      byte[] ip = Ips.parse(s);
      return v -> v instanceof String str && java.util.Arrays.equals(Ips.parse(str), ip);
    }
    if (type == FieldType.TIMESTAMP && lit instanceof String s) {
      Instant at = Instant.parse(s);
      return v -> at.equals(Values.instant(v));
    }
    if (lit instanceof Number) {
      Object key = Values.key(lit);
      return v -> v instanceof Number && key.equals(Values.key(v));
    }
    return lit::equals;
  }

  private static Predicate<Object> ordered(Operator op, Literal literal, FieldType type) {
    if (type == FieldType.TIMESTAMP) {
      Instant at = Instant.parse((String) literal.value());
      return v -> {
        Instant i = Values.instant(v);
        return i != null && holds(op, i.compareTo(at));
      };
    }
    Number n = (Number) literal.value();
    return v ->
        v instanceof Number x
            && !Values.isNaN(x)
            && !Values.isNaN(n)
            && holds(op, Values.compare(x, n));
  }

  private static boolean holds(Operator op, int cmp) {
    return switch (op) {
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      default -> cmp >= 0;
    };
  }

  private static Predicate<Object> in(List<Literal> values, FieldType type) {
    Set<Object> keys = new HashSet<>();
    List<Ips.Cidr> cidrs = new ArrayList<>();
    Set<String> ips = new HashSet<>();
    for (Literal l : values) {
      if (l.kind() == LiteralKind.CIDR) {
        cidrs.add(Ips.parseCidr((String) l.value()));
      } else if (type == FieldType.IP && l.value() instanceof String s) {
        ips.add(java.util.Arrays.toString(Ips.parse(s)));
      } else if (type == FieldType.TIMESTAMP && l.value() instanceof String s) {
        keys.add(Instant.parse(s));
      } else {
        keys.add(Values.key(l.value()));
      }
    }
    boolean addresses = !cidrs.isEmpty() || !ips.isEmpty();
    return v -> {
      if (v instanceof String s && addresses) {
        byte[] ip = Ips.parse(s);
        if (ip != null
            && (ips.contains(java.util.Arrays.toString(ip))
                || cidrs.stream().anyMatch(c -> c.contains(ip)))) {
          return true;
        }
      }
      return type != FieldType.IP && keys.contains(Values.key(v));
    };
  }

  /** A string test, charged by the value's length to the current budget (if any). */
  private static Predicate<Object> string(Predicate<String> test) {
    return v -> {
      if (v instanceof String s) {
        EvalBudget.chargeCurrent(s.length());
        return test.test(s);
      }
      return false;
    };
  }

  private static Predicate<Object> folded(
      Object lit, java.util.function.BiPredicate<String, String> test) {
    String needle = Strings.asciiLower((String) lit);
    return string(s -> test.test(Strings.asciiLower(s), needle));
  }

  /** re2j: linear in the value's length times the pattern's size, stoppable by a budget. */
  private static Predicate<Object> regex(Pattern pattern) {
    return v -> {
      if (!(v instanceof String s)) {
        return false;
      }
      EvalBudget budget = EvalBudget.current();
      return pattern.matcher(budget == null ? s : new BudgetedChars(s, budget)).find();
    };
  }

  private static Predicate<Object> glob(GlobMatcher glob) {
    return v -> v instanceof String s && glob.matches(s);
  }
}
