package io.tocsin.engine.compile;

import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Exists;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.engine.condition.ConditionLanguage;
import io.tocsin.engine.condition.ExprText;
import io.tocsin.model.Event;
import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Which comparisons Drools can hash or the pre-filter can serve, and what checks cost. */
final class Indexability {

  /** Fields with few distinct values: a poor first (hashed) constraint. */
  private static final Set<String> LOW_SELECTIVITY =
      Set.of(
          "event.type",
          "event.action",
          "host.os.family",
          "auth.result",
          "auth.method",
          "network.protocol",
          "file.operation",
          "agent.mode",
          "severity",
          "user.dept");

  private static final Set<String> STRING_FUNCTIONS = Set.of("lower", "upper", "basename");

  private final ConditionLanguage language;

  Indexability(ConditionLanguage language) {
    this.language = language;
  }

  /** The hashable form of an equality, or null when Drools cannot hash it exactly. */
  IndexKey indexKey(Comparison c) {
    if (!(c.right() instanceof Literal lit)) {
      return null;
    }
    Operand left = c.left();
    String operand = ExprText.render(left);
    if (left instanceof FieldRef f) {
      FieldType type = FieldCatalog.typeOf(f.path()).orElse(FieldType.ANY);
      String path = f.path();
      // IP equality compares parsed addresses, not text: only plain strings are hashed.
      if (type == FieldType.STRING && lit.kind() == LiteralKind.STRING) {
        return new IndexKey(operand, String.class, e -> stringValue(e, path), lit.value());
      }
      if (isIntegralType(type)
          && (lit.kind() == LiteralKind.INTEGER || lit.kind() == LiteralKind.SIZE)) {
        return new IndexKey(operand, Long.class, e -> longValue(e.get(path)), lit.value());
      }
      return null;
    }
    if (left instanceof FunctionCall fn
        && STRING_FUNCTIONS.contains(fn.name().toLowerCase(Locale.ROOT))
        && fn.args().size() == 1
        && fn.args().get(0) instanceof FieldRef arg
        && FieldCatalog.typeOf(arg.path()).orElse(FieldType.ANY) == FieldType.STRING
        && lit.kind() == LiteralKind.STRING) {
      Function<Event, Object> extractor = language.extractor(fn);
      return new IndexKey(
          operand,
          String.class,
          e -> extractor.apply(e) instanceof String s ? s : null,
          lit.value());
    }
    return null;
  }

  /** The longest literal a matching field value must contain, or null. */
  static SubstringKey substringKey(Comparison c) {
    if (!(c.left() instanceof FieldRef f) || !(c.right() instanceof Literal lit)) {
      return null;
    }
    FieldType type = FieldCatalog.typeOf(f.path()).orElse(FieldType.ANY);
    if (!(isStringType(type) || type == FieldType.STRING_ARRAY)
        || !(lit.value() instanceof String text)) {
      return null;
    }
    String literal =
        switch (c.operator()) {
          case CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH -> text;
          case EQ -> type == FieldType.STRING_ARRAY ? text : null;
          case GLOB -> longestGlobRun(text);
          default -> null;
        };
    if (literal == null || literal.length() < Planner.MIN_LITERAL || !isAscii(literal)) {
      return null;
    }
    return new SubstringKey(f.path(), literal.toLowerCase(Locale.ROOT));
  }

  /** Higher is a better first constraint. */
  static int rank(Comparison c) {
    return c.left() instanceof FieldRef f && LOW_SELECTIVITY.contains(f.path()) ? 1 : 2;
  }

  static int cost(Expr e) {
    if (e instanceof Exists) {
      return 1;
    }
    if (!(e instanceof Comparison c)) {
      return 8;
    }
    int base = c.left() instanceof FieldRef ? 0 : 2;
    return base
        + switch (c.operator()) {
          case EQ, NE, LT, LE, GT, GE -> 1;
          case IN, NOT_IN, STARTSWITH, ENDSWITH -> 2;
          case ISTARTSWITH, IENDSWITH, CONTAINS -> 3;
          case ICONTAINS, GLOB -> 4;
          default -> 6;
        };
  }

  static boolean isStringType(FieldType type) {
    return type == FieldType.STRING || type == FieldType.IP;
  }

  static boolean isIntegralType(FieldType type) {
    return type == FieldType.INTEGER || type == FieldType.BYTES;
  }

  private static Object stringValue(Event e, String path) {
    return e.get(path) instanceof String s ? s : null;
  }

  private static Object longValue(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    // As the interpreter's number key: integral doubles within 2^53 equal the same long.
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 9007199254740992.0) {
      return d.longValue();
    }
    return null;
  }

  /** The longest run of plain characters outside wildcards, classes and alternations. */
  static String longestGlobRun(String glob) {
    String best = "";
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char ch = glob.charAt(i);
      boolean plain = ch != '*' && ch != '?' && ch != '[' && ch != '{' && ch != '\\';
      if (plain) {
        run.append(ch);
        continue;
      }
      best = run.length() > best.length() ? run.toString() : best;
      run.setLength(0);
      if (ch == '[' || ch == '{') {
        char close = ch == '[' ? ']' : '}';
        while (i < glob.length() && glob.charAt(i) != close) {
          i++;
        }
      } else if (ch == '\\') {
        i++;
      }
    }
    return run.length() > best.length() ? run.toString() : best;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }
}
