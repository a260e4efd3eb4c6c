package io.tocsin.dsl.eval;

import io.tocsin.dsl.Limits;
import io.tocsin.dsl.analysis.RegexSize;
import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.Not;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.ast.Or;

/**
 * The worst-case cost of evaluating a resolved condition on one event whose string fields hold
 * {@link #VALUE_LENGTH} characters, in character visits: what the operators' complexity guarantees
 * (docs/language.md) add up to. Equality, ordering and {@code in} (hashed) read the value once; the
 * substring operators at most value × needle; a glob value × its automaton's states; a regex value
 * × its program size; each function call reads the value once more. Chains of equalities count as
 * the hashed set they become ({@link EqualitySets}).
 */
public final class CostModel {

  /** The value length the estimate assumes (a long command line or path). */
  public static final int VALUE_LENGTH = 4096;

  private CostModel() {}

  /**
   * An estimate and where most of it comes from.
   *
   * @param total the whole condition's cost
   * @param costliest the single comparison that costs most (null when there is none)
   * @param costliestCost its cost
   */
  public record Estimate(long total, Comparison costliest, long costliestCost) {}

  public static Estimate estimate(Expr resolved) {
    Acc acc = new Acc();
    walk(EqualitySets.rewrite(resolved), acc);
    return new Estimate(acc.total, acc.costliest, acc.costliestCost);
  }

  private static final class Acc {
    long total;
    Comparison costliest;
    long costliestCost = -1;
  }

  private static void walk(Expr e, Acc acc) {
    if (e instanceof And and) {
      and.terms().forEach(t -> walk(t, acc));
    } else if (e instanceof Or or) {
      or.terms().forEach(t -> walk(t, acc));
    } else if (e instanceof Not not) {
      walk(not.operand(), acc);
    } else if (e instanceof Comparison c) {
      long cost = Math.min(Long.MAX_VALUE / 4, cost(c));
      acc.total = Math.min(Long.MAX_VALUE / 4, acc.total + cost);
      if (cost > acc.costliestCost) {
        acc.costliest = c;
        acc.costliestCost = cost;
      }
    } else {
      acc.total++;
    }
  }

  /** The worst-case character visits of one comparison. */
  public static long cost(Comparison c) {
    long l = VALUE_LENGTH;
    long operand = operandCost(c.left());
    long op =
        switch (c.operator()) {
          case CONTAINS, ICONTAINS, STARTSWITH, ISTARTSWITH, ENDSWITH, IENDSWITH ->
              l * Math.max(1, Math.min(l, text(c).length()));
          case GLOB -> l * GlobMatcher.compile(text(c)).size();
          case MATCHES ->
              l
                  * Math.max(
                      1,
                      RegexSize.estimate(text(c), Limits.MAX_REGEX_EXPANSION) + text(c).length());
          case IN, NOT_IN -> l + 64L * cidrs(c.right());
          default -> l;
        };
    return operand + op;
  }

  private static long operandCost(Operand o) {
    long cost = 0;
    Operand cur = o;
    while (cur instanceof FunctionCall call) {
      cost += VALUE_LENGTH;
      cur = call.args().isEmpty() ? null : call.args().get(0);
    }
    return cost;
  }

  private static long cidrs(Operand right) {
    if (!(right instanceof ListLiteral list)) {
      return 0;
    }
    return list.values().stream().filter(l -> l.kind() == LiteralKind.CIDR).count();
  }

  private static String text(Comparison c) {
    return c.right() instanceof Literal l && l.value() instanceof String s ? s : "";
  }
}
