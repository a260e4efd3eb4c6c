package io.tocsin.engine.policy;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a policy set: every diagnostic, and the validated set when there was no
 * error. A set with errors is never applied, not even partly.
 */
public record LoadResult(List<LoadDiagnostic> diagnostics, Optional<PolicySet> policySet) {

  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return policySet.isPresent();
  }

  public List<LoadDiagnostic> errors() {
    return diagnostics.stream().filter(LoadDiagnostic::isError).toList();
  }

  public List<LoadDiagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }

  /** All diagnostics, one per line, errors first. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    errors().forEach(d -> sb.append("ERROR ").append(d).append('\n'));
    warnings().forEach(d -> sb.append("WARNING ").append(d).append('\n'));
    return sb.toString();
  }
}
