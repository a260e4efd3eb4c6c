package io.tocsin.api.detection;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.engine.policy.PolicyDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a tenant's engine is built from: its policies (enabled or not), named lists and
 * macros. The {@code with*} methods give the set a proposed change would produce, for validation.
 */
public record TenantDefinitions(
    List<PolicyDefinition> policies, Map<String, List<String>> lists, Map<String, String> macros) {

  /** In id order, as the store reads them, so a proposed set equals the one read back. */
  private static final Comparator<PolicyDefinition> BY_ID =
      Comparator.comparing(PolicyDefinition::id, Comparator.nullsFirst(Comparator.naturalOrder()));

  public TenantDefinitions {
    policies = policies.stream().sorted(BY_ID).toList();
    lists = Map.copyOf(lists);
    macros = Map.copyOf(macros);
  }

  /** The set with {@code policy} added, or replacing the policy with the same id. */
  public TenantDefinitions withPolicy(PolicyDefinition policy) {
    List<PolicyDefinition> next = new ArrayList<>();
    boolean replaced = false;
    for (PolicyDefinition p : policies) {
      if (p.id().equals(policy.id())) {
        next.add(policy);
        replaced = true;
      } else {
        next.add(p);
      }
    }
    if (!replaced) {
      next.add(policy);
    }
    return new TenantDefinitions(next, lists, macros);
  }

  /** The set with list {@code name} set to {@code values}, or removed when values is null. */
  public TenantDefinitions withList(String name, List<String> values) {
    Map<String, List<String>> next = new LinkedHashMap<>(lists);
    if (values == null) {
      next.remove(name);
    } else {
      next.put(name, values);
    }
    return new TenantDefinitions(policies, next, macros);
  }

  /** The set with macro {@code name} set to {@code condition}, or removed when it is null. */
  public TenantDefinitions withMacro(String name, String condition) {
    Map<String, String> next = new LinkedHashMap<>(macros);
    if (condition == null) {
      next.remove(name);
    } else {
      next.put(name, condition);
    }
    return new TenantDefinitions(policies, lists, next);
  }

  public ConditionContext context() {
    return ConditionContext.of(lists, macros);
  }
}
