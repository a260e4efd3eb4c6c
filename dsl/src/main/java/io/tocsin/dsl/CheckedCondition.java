package io.tocsin.dsl;

import io.tocsin.dsl.ast.Expr;
import java.util.Set;

/**
 * A condition that passed analysis. {@link #root()} is resolved: no macro or list references, no
 * search shorthand, literals typed to their fields. {@link #fields()}, {@link #lists()} and {@link
 * #macros()} name what it used, so dependents can be re-checked when a list or macro changes.
 */
public record CheckedCondition(
    String text, Expr root, Set<String> fields, Set<String> lists, Set<String> macros) {

  public CheckedCondition {
    fields = Set.copyOf(fields);
    lists = Set.copyOf(lists);
    macros = Set.copyOf(macros);
  }
}
