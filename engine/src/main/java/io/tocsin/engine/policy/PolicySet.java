package io.tocsin.engine.policy;

import java.util.List;
import java.util.Map;

/**
 * A validated policy set: what one KieBase generation is compiled from.
 *
 * @param policies the sources, as given (disabled ones included)
 * @param rules the rules of enabled policies, in policy then rule order
 * @param version a digest of the sources, lists and macros
 */
public record PolicySet(
    List<PolicyDefinition> policies,
    List<ValidatedRule> rules,
    Map<String, List<String>> lists,
    Map<String, String> macros,
    String version) {

  public PolicySet {
    policies = List.copyOf(policies);
    rules = List.copyOf(rules);
    lists = Map.copyOf(lists);
    macros = Map.copyOf(macros);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }
}
