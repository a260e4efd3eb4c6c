package io.tocsin.rules.source;

import io.tocsin.rules.PackPolicy;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking a set of policy files.
 *
 * @param policies the policies that were read (all of them when {@link #ok()})
 * @param problems every error and warning, in file order
 * @param lists named lists the files were checked against
 * @param macros macros the files were checked against
 */
public record CheckReport(
    List<PackPolicy> policies,
    List<FileProblem> problems,
    Map<String, List<String>> lists,
    Map<String, String> macros) {

  public CheckReport {
    policies = List.copyOf(policies);
    problems = List.copyOf(problems);
    lists = Map.copyOf(lists);
    macros = Map.copyOf(macros);
  }

  public boolean ok() {
    return problems.stream().noneMatch(FileProblem::error);
  }

  public long errorCount() {
    return problems.stream().filter(FileProblem::error).count();
  }
}
