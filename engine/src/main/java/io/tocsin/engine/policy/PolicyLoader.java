package io.tocsin.engine.policy;

import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.Source;
import io.tocsin.engine.condition.ConditionLanguage;
import io.tocsin.engine.condition.ExprText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates a whole policy set and reports every problem at once. The result carries a {@link
 * PolicySet} only when there is no error: an invalid set is never half-applied.
 */
public final class PolicyLoader {

  private final ConditionLanguage language;

  public PolicyLoader(ConditionLanguage language) {
    this.language = language;
  }

  /** Validates {@code policies} against the tenant's named lists and macros. */
  public LoadResult load(
      List<PolicyDefinition> policies,
      Map<String, List<String>> lists,
      Map<String, String> macros) {
    Diagnostics diags = new Diagnostics();
    List<ValidatedRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> usedLists = new HashSet<>();
    Set<String> usedMacros = new HashSet<>();
    for (int p = 0; p < policies.size(); p++) {
      PolicyDefinition policy = policies.get(p);
      String pid = policy.id();
      if (pid == null || pid.isBlank()) {
        diags.error("MISSING_ID", null, "policies[" + p + "]", "policy has no id");
        continue;
      }
      if (!ids.add(pid)) {
        diags.error("DUPLICATE_POLICY_ID", pid, "id", "duplicate policy id [" + pid + "]");
        continue;
      }
      RuleValidator validator =
          new RuleValidator(language, lists, macros, diags, policy, usedLists, usedMacros);
      List<ValidatedRule> valid = validator.validateAll();
      if (!policy.enabled()) {
        diags.warning("DISABLED_POLICY", pid, "enabled", "policy is disabled: not evaluated");
      } else {
        rules.addAll(valid);
      }
    }
    lists.keySet().stream()
        .filter(l -> !usedLists.contains(l))
        .sorted()
        .forEach(l -> diags.warning("UNUSED_LIST", null, "lists." + l, "list [" + l + "] unused"));
    macros.keySet().stream()
        .filter(m -> !usedMacros.contains(m))
        .sorted()
        .forEach(
            m -> diags.warning("UNUSED_MACRO", null, "macros." + m, "macro [" + m + "] unused"));
    if (diags.hasErrors()) {
      return new LoadResult(diags.all(), Optional.empty());
    }
    String version =
        ExprText.sha256(policies + "|" + new TreeMap<>(lists) + "|" + new TreeMap<>(macros));
    return new LoadResult(
        diags.all(), Optional.of(new PolicySet(policies, rules, lists, macros, version)));
  }

  /** {@code a AND b}, flattened as the AST requires. */
  static Expr and(Expr a, Expr b) {
    if (a == null) {
      return b;
    }
    List<Expr> terms = new ArrayList<>();
    for (Expr e : List.of(a, b)) {
      if (e instanceof And and) {
        terms.addAll(and.terms());
      } else {
        terms.add(e);
      }
    }
    return new And(Source.NONE, terms);
  }
}
