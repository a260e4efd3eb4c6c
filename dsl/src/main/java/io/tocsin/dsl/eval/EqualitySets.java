package io.tocsin.dsl.eval;

import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Not;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.ast.Or;
import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites {@code f == a or f == b or f in (c, d) …} (at least {@link #MIN_TERMS} values in two or
 * more terms on one field, in any order within one {@code or}) to one {@code f in (a, b, c, d)}:
 * the interpreter then tests a hash set, MongoDB gets one {@code $in}, and the engine hashes each
 * value, instead of trying thousands of terms one after another. Both forms mean the same on every
 * value (missing field false, arrays any element), so backends apply it freely. IP fields are left
 * alone (their equality compares parsed addresses, with its own edge cases); so are CIDR and
 * wildcard literals.
 */
public final class EqualitySets {

  /** Smaller chains are cheap as they are (and keep their shape in plans and filters). */
  public static final int MIN_TERMS = 4;

  private static final Set<LiteralKind> HASHABLE =
      Set.of(
          LiteralKind.STRING,
          LiteralKind.INTEGER,
          LiteralKind.DECIMAL,
          LiteralKind.SIZE,
          LiteralKind.BOOLEAN);

  private EqualitySets() {}

  /** The tree with every long enough chain of equalities on one field as one {@code in}. */
  public static Expr rewrite(Expr e) {
    if (e instanceof And and) {
      return new And(and.source(), and.terms().stream().map(EqualitySets::rewrite).toList());
    }
    if (e instanceof Not not) {
      return new Not(not.source(), rewrite(not.operand()));
    }
    if (e instanceof Or or) {
      return rewriteOr(or);
    }
    return e;
  }

  private static Expr rewriteOr(Or or) {
    Map<String, List<Comparison>> byField = new LinkedHashMap<>();
    for (Expr t : or.terms()) {
      String field = setField(t);
      if (field != null) {
        byField.computeIfAbsent(field, k -> new ArrayList<>()).add((Comparison) t);
      }
    }
    List<Expr> out = new ArrayList<>();
    Map<String, Boolean> emitted = new LinkedHashMap<>();
    for (Expr t : or.terms()) {
      String field = setField(t);
      List<Comparison> group = field == null ? null : byField.get(field);
      if (group == null || values(group) < MIN_TERMS) {
        out.add(rewrite(t));
      } else if (emitted.putIfAbsent(field, true) == null) {
        out.add(merged(group));
      }
    }
    return out.size() == 1 ? out.get(0) : new Or(or.source(), out);
  }

  private static int values(List<Comparison> group) {
    int n = 0;
    for (Comparison c : group) {
      n += c.right() instanceof ListLiteral list ? list.values().size() : 1;
    }
    return group.size() < 2 ? 0 : n;
  }

  private static Comparison merged(List<Comparison> group) {
    List<Literal> values = new ArrayList<>();
    for (Comparison c : group) {
      if (c.right() instanceof ListLiteral list) {
        values.addAll(list.values());
      } else {
        values.add((Literal) c.right());
      }
    }
    Comparison first = group.get(0);
    return new Comparison(
        first.source(), first.left(), Operator.IN, new ListLiteral(first.right().source(), values));
  }

  /** The field of an equality or {@code in} that can join a set, or null. */
  private static String setField(Expr e) {
    if (!(e instanceof Comparison c) || !(c.left() instanceof FieldRef f)) {
      return null;
    }
    if (FieldCatalog.typeOf(f.path()).orElse(FieldType.ANY) == FieldType.IP) {
      return null;
    }
    if (c.operator() == Operator.EQ && c.right() instanceof Literal l) {
      return HASHABLE.contains(l.kind()) ? f.path() : null;
    }
    if (c.operator() == Operator.IN && c.right() instanceof ListLiteral list) {
      return list.values().stream().allMatch(l -> HASHABLE.contains(l.kind())) ? f.path() : null;
    }
    return null;
  }
}
