package io.tocsin.engine.condition;

import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@link ConditionLanguage} over the dsl module: its analyzer and its interpreter. */
public final class DslLanguage implements ConditionLanguage {

  @Override
  public ParsedCondition parse(
      String text, Map<String, List<String>> lists, Map<String, String> macros) {
    CheckResult result = Conditions.check(text, ConditionContext.of(lists, macros));
    List<ConditionProblem> problems =
        result.diagnostics().stream()
            .map(
                d -> new ConditionProblem(d.code(), d.isError(), d.line(), d.column(), d.message()))
            .toList();
    return result
        .condition()
        .map(c -> new ParsedCondition(text, c.root(), c.lists(), c.macros(), problems))
        .orElseGet(() -> new ParsedCondition(text, null, Set.of(), Set.of(), problems));
  }

  @Override
  public Predicate<Event> predicate(Expr resolved) {
    return Interpreter.compile(resolved);
  }

  @Override
  public Function<Event, Object> extractor(Operand operand) {
    return Interpreter.extractor(operand);
  }
}
