package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.Limits;
import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.BooleanLiteral;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Exists;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.MacroRef;
import io.tocsin.dsl.ast.Not;
import io.tocsin.dsl.ast.Or;
import io.tocsin.dsl.ast.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a parsed tree: expands macros, resolves fields, lists and functions, rewrites the search
 * shorthand, types literals. A node whose child failed fails silently, so each mistake is reported
 * once; the result tree is {@code null} when anything failed.
 */
public final class Analyzer {

  /** The resolved tree ({@code null} on errors), the diagnostics, and the names it used. */
  public record Analysis(
      Expr resolved,
      List<Diagnostic> diagnostics,
      Set<String> fields,
      Set<String> lists,
      Set<String> macros) {}

  final ConditionContext context;
  final Problems problems = new Problems();
  final Set<String> fields = new TreeSet<>();
  final Set<String> lists = new TreeSet<>();
  final Set<String> macros = new TreeSet<>();
  private final ComparisonChecker comparisons;
  private final MacroExpander macroExpander;
  private int nodes;
  private boolean tooComplex;

  private Analyzer(ConditionContext context) {
    this.context = context;
    this.comparisons = new ComparisonChecker(this);
    this.macroExpander = new MacroExpander(this);
  }

  public static Analysis analyze(Expr parsed, ConditionContext context) {
    Analyzer analyzer = new Analyzer(context);
    Expr resolved = analyzer.resolve(parsed);
    boolean failed = analyzer.problems.all().stream().anyMatch(Diagnostic::isError);
    return new Analysis(
        failed ? null : resolved,
        analyzer.problems.all(),
        analyzer.fields,
        analyzer.lists,
        analyzer.macros);
  }

  /** The resolved node, or {@code null} when it (or a child) failed. */
  Expr resolve(Expr e) {
    if (!count(1, e.source())) {
      return null;
    }
    if (e instanceof And and) {
      List<Expr> terms = resolveAll(and.terms(), true);
      return terms == null ? null : new And(and.source(), terms);
    }
    if (e instanceof Or or) {
      List<Expr> terms = resolveAll(or.terms(), false);
      return terms == null ? null : new Or(or.source(), terms);
    }
    if (e instanceof Not not) {
      Expr operand = resolve(not.operand());
      return operand == null ? null : new Not(not.source(), operand);
    }
    if (e instanceof Exists exists) {
      return comparisons.exists(exists);
    }
    if (e instanceof Comparison c) {
      return comparisons.check(c);
    }
    if (e instanceof MacroRef ref) {
      return macroExpander.expand(ref);
    }
    return (BooleanLiteral) e;
  }

  /** Resolves every term (reporting all problems), flattening nested And/Or that macros add. */
  private List<Expr> resolveAll(List<Expr> terms, boolean and) {
    List<Expr> out = new ArrayList<>();
    boolean failed = false;
    for (Expr term : terms) {
      Expr r = resolve(term);
      if (r == null) {
        failed = true;
      } else if (and && r instanceof And inner) {
        out.addAll(inner.terms());
      } else if (!and && r instanceof Or inner) {
        out.addAll(inner.terms());
      } else {
        out.add(r);
      }
    }
    return failed ? null : out;
  }

  /** Counts expanded nodes; false (reported once) past {@link Limits#MAX_NODES}. */
  boolean count(int added, Source at) {
    nodes += added;
    if (nodes <= Limits.MAX_NODES) {
      return true;
    }
    if (!tooComplex) {
      tooComplex = true;
      problems.error(
          "TOO_COMPLEX",
          at,
          "condition has more than [" + Limits.MAX_NODES + "] nodes after expanding macros");
    }
    return false;
  }

  int nodes() {
    return nodes;
  }
}
