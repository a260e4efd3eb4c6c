package io.tocsin.engine.compile;

import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.BooleanLiteral;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.ast.Or;
import io.tocsin.dsl.eval.EqualitySets;
import io.tocsin.engine.condition.ConditionLanguage;
import io.tocsin.engine.condition.ExprText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a resolved condition into {@link Branch}es: a disjunctive normal form bounded to {@link
 * #MAX_BRANCHES} (beyond that, sub-trees stay whole and become one check), with {@code in} lists on
 * indexable operands expanded into equalities so that Drools can hash every value.
 */
final class Planner {

  static final int MAX_BRANCHES = 256;
  static final int MIN_LITERAL = 3;

  private final ConditionLanguage language;
  private final Indexability indexability;

  Planner(ConditionLanguage language) {
    this.language = language;
    this.indexability = new Indexability(language);
  }

  List<Branch> plan(Expr condition) {
    List<Branch> out = new ArrayList<>();
    for (List<Expr> conjunction : dnf(EqualitySets.rewrite(condition))) {
      out.add(branch(conjunction));
    }
    return out;
  }

  private Branch branch(List<Expr> conjunction) {
    IndexKey index = null;
    Expr indexed = null;
    int bestRank = -1;
    for (Expr e : conjunction) {
      if (e instanceof Comparison c && c.operator() == Operator.EQ) {
        IndexKey key = indexability.indexKey(c);
        if (key != null && Indexability.rank(c) > bestRank) {
          index = key;
          indexed = e;
          bestRank = Indexability.rank(c);
        }
      }
    }
    SubstringKey substring = null;
    if (index == null) {
      for (Expr e : conjunction) {
        SubstringKey k = e instanceof Comparison c ? Indexability.substringKey(c) : null;
        if (k != null
            && (substring == null || k.literal().length() > substring.literal().length())) {
          substring = k;
        }
      }
    }
    List<Check> checks = new ArrayList<>();
    for (Expr e : conjunction) {
      if (e != indexed) {
        checks.add(
            new Check(
                "c " + ExprText.compact(ExprText.render(e)),
                language.predicate(e),
                Indexability.cost(e)));
      }
    }
    checks.sort(Comparator.comparingInt(Check::cost));
    return new Branch(index, substring, checks);
  }

  /**
   * Bounded DNF: a list of conjunctions; an empty list never matches, an empty conjunction always.
   */
  List<List<Expr>> dnf(Expr e) {
    if (e instanceof BooleanLiteral b) {
      return b.value() ? List.of(List.of()) : List.of();
    }
    if (e instanceof Or or) {
      List<List<Expr>> out = new ArrayList<>();
      for (Expr t : or.terms()) {
        out.addAll(dnf(t));
        if (out.size() > MAX_BRANCHES) {
          return List.of(List.of(e));
        }
      }
      return out;
    }
    if (e instanceof And and) {
      List<List<Expr>> out = List.of(List.of());
      for (Expr t : and.terms()) {
        List<List<Expr>> d = dnf(t);
        if ((long) out.size() * d.size() > MAX_BRANCHES) {
          d = List.of(List.of(t));
        }
        List<List<Expr>> next = new ArrayList<>();
        for (List<Expr> left : out) {
          for (List<Expr> right : d) {
            List<Expr> joined = new ArrayList<>(left);
            joined.addAll(right);
            next.add(joined);
          }
        }
        out = next;
      }
      return out;
    }
    if (e instanceof Comparison c
        && c.operator() == Operator.IN
        && c.right() instanceof ListLiteral list
        && list.values().size() <= MAX_BRANCHES) {
      List<List<Expr>> out = new ArrayList<>();
      for (Literal v : list.values()) {
        Comparison eq = new Comparison(c.source(), c.left(), Operator.EQ, v);
        if (indexability.indexKey(eq) == null) {
          return List.of(List.of(e));
        }
        out.add(List.of(eq));
      }
      return out;
    }
    return List.of(List.of(e));
  }
}
