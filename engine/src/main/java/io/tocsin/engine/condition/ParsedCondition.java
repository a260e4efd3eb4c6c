package io.tocsin.engine.condition;

import io.tocsin.dsl.ast.Expr;
import java.util.List;
import java.util.Set;

/**
 * A condition after analysis: a resolved tree (no macro or list references, no search shorthand,
 * typed literals) or the problems that prevented one.
 *
 * @param root the resolved tree, null when there are errors
 * @param lists the named lists the text used
 * @param macros the macros the text used
 */
public record ParsedCondition(
    String text,
    Expr root,
    Set<String> lists,
    Set<String> macros,
    List<ConditionProblem> problems) {

  public ParsedCondition {
    lists = Set.copyOf(lists);
    macros = Set.copyOf(macros);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return root != null && problems.stream().noneMatch(ConditionProblem::error);
  }
}
