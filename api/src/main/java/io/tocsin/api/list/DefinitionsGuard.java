package io.tocsin.api.list;

import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Checks the set a list or macro change would produce: every macro must still check and the
 * tenant's policies must still load. Nothing is stored unless both hold.
 */
@Component
class DefinitionsGuard {

  private final DefinitionValidator validator;

  DefinitionsGuard(DefinitionValidator validator) {
    this.validator = validator;
  }

  /**
   * Every error of the proposed set: macro problems with {@code field} {@code condition} (the macro
   * being written) or {@code macros.<name>}, policy problems with their {@code policy_id}.
   */
  List<Problem> errors(TenantDefinitions next, String macroBeingWritten) {
    List<Problem> errors = new ArrayList<>();
    for (Map.Entry<String, String> macro : next.macros().entrySet()) {
      CheckResult result = Conditions.check(macro.getValue(), next.context());
      String field =
          macro.getKey().equals(macroBeingWritten) ? "condition" : "macros." + macro.getKey();
      for (Diagnostic d : result.errors()) {
        errors.add(
            new Problem(d.code(), "error", d.line(), d.column(), d.message(), field, null, null));
      }
    }
    validator.validate(next).errors().forEach(d -> errors.add(Problem.of(d, null)));
    return errors;
  }

  /** Names of the policies and macros {@code errors} concern, for "is used by" messages. */
  static String dependents(List<Problem> errors) {
    TreeSet<String> policies = new TreeSet<>();
    TreeSet<String> macros = new TreeSet<>();
    for (Problem p : errors) {
      if (p.policyId() != null) {
        policies.add(p.policyId());
      } else if (p.field() != null && p.field().startsWith("macros.")) {
        macros.add(p.field().substring("macros.".length()));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!policies.isEmpty()) {
      parts.add("policies " + policies);
    }
    if (!macros.isEmpty()) {
      parts.add("macros " + macros);
    }
    return String.join(" and ", parts);
  }

  static List<String> policyIds(List<Problem> errors) {
    return errors.stream()
        .map(Problem::policyId)
        .filter(p -> p != null)
        .distinct()
        .sorted()
        .toList();
  }
}
