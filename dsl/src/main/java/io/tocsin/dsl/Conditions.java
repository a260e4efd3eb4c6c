package io.tocsin.dsl;

import io.tocsin.dsl.analysis.Analyzer;
import io.tocsin.dsl.parser.AstParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the condition language: parse → analyze → verify, all problems at once.
 *
 * <pre>{@code
 * CheckedCondition c = Conditions.compile("process.name:cmd.exe", ConditionContext.EMPTY);
 * Predicate<Event> p = Interpreter.compile(c.root());
 * }</pre>
 */
public final class Conditions {

  private static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

  private Conditions() {}

  /** Checks a condition; never throws. */
  public static CheckResult check(String condition, ConditionContext context) {
    if (condition == null || condition.isBlank()) {
      return failed(List.of(Diagnostic.error("SYNTAX_ERROR", 1, 1, "condition is empty")));
    }
    ConditionContext ctx = context == null ? ConditionContext.EMPTY : context;
    AstParser.Parsed parsed = AstParser.parse(condition);
    if (parsed.expr() == null) {
      return failed(parsed.diagnostics());
    }
    Analyzer.Analysis analysis = Analyzer.analyze(parsed.expr(), ctx);
    List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
    all.addAll(analysis.diagnostics());
    all.sort(BY_POSITION);
    if (analysis.resolved() == null || parsed.failed()) {
      return new CheckResult(all, Optional.empty());
    }
    CheckedCondition checked =
        new CheckedCondition(
            condition, analysis.resolved(), analysis.fields(), analysis.lists(), analysis.macros());
    return new CheckResult(all, Optional.of(checked));
  }

  /** Checks a condition; throws {@link ConditionException} listing every error if it has any. */
  public static CheckedCondition compile(String condition, ConditionContext context) {
    CheckResult result = check(condition, context);
    return result.condition().orElseThrow(() -> new ConditionException(result.errors()));
  }

  private static CheckResult failed(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(BY_POSITION);
    return new CheckResult(sorted, Optional.empty());
  }
}
