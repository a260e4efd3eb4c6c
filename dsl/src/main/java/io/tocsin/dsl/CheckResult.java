package io.tocsin.dsl;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Conditions#check} found: every diagnostic (errors and warnings, in source order) and,
 * when there were no errors, the checked condition.
 */
public record CheckResult(List<Diagnostic> diagnostics, Optional<CheckedCondition> condition) {

  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when the condition has no errors (warnings allowed). */
  public boolean ok() {
    return condition.isPresent();
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
