package io.tocsin.rules.source;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.policy.LoadDiagnostic;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.PackPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a set of policy files as the server would: shape, then the engine's loader over the whole
 * set (conditions, fields, lists, macros, correlation), mapping each diagnostic back to its file.
 */
public final class PolicyChecker {

  private PolicyChecker() {}

  public static CheckReport check(
      List<ParsedFile> files, Map<String, List<String>> lists, Map<String, String> macros) {
    List<FileProblem> problems = new ArrayList<>();
    List<PackPolicy> policies = new ArrayList<>();
    Map<String, ParsedFile> byId = new HashMap<>();
    for (ParsedFile file : files) {
      PolicyFileReader.Result read = PolicyFileReader.read(file);
      problems.addAll(read.problems());
      PackPolicy policy = read.policy();
      if (policy == null) {
        continue;
      }
      ParsedFile first = byId.putIfAbsent(policy.definition().id(), file);
      if (first != null) {
        problems.add(
            file.problem(
                "id",
                0,
                0,
                true,
                "DUPLICATE_ID",
                "policy id [" + policy.definition().id() + "] is also used by " + first.name()));
        continue;
      }
      policies.add(policy);
    }
    List<PolicyDefinition> definitions =
        policies.stream().map(p -> p.definition().withEnabled(true)).toList();
    LoadResult result;
    try (DetectionEngine engine = DetectionEngine.create("tocsin-check")) {
      result = engine.validate(definitions, lists, macros);
    }
    for (LoadDiagnostic d : result.diagnostics()) {
      problems.add(locate(d, byId));
    }
    problems.sort(
        Comparator.comparing(FileProblem::file)
            .thenComparingInt(FileProblem::line)
            .thenComparingInt(FileProblem::column));
    return new CheckReport(policies, problems, lists, macros);
  }

  /** Checks the files with no lists or macros. */
  public static CheckReport check(List<ParsedFile> files) {
    return check(files, new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  static FileProblem locate(LoadDiagnostic d, Map<String, ParsedFile> byId) {
    ParsedFile file = d.policyId() == null ? null : byId.get(d.policyId());
    String message = d.path().isEmpty() ? d.message() : d.location() + ": " + d.message();
    if (file == null) {
      return new FileProblem("(policy set)", 0, 0, d.isError(), d.code(), message);
    }
    return file.problem(d.path(), d.line(), d.column(), d.isError(), d.code(), message);
  }
}
