package io.tocsin.engine.policy;

import io.tocsin.dsl.ast.Expr;
import java.util.List;
import java.util.Optional;

/**
 * A rule that passed validation, with its conditions resolved.
 *
 * @param condition the resolved condition; for a sequence rule the optional common condition (null
 *     when absent), already folded into each step
 * @param exceptions resolved exception conditions; any match vetoes the rule's match
 * @param fingerprint identifies the rule's correlation semantics (policy id, rule id, condition,
 *     correlation spec); correlation state survives a reload when the fingerprint is unchanged.
 *     Exceptions, suppression, severity and action are not part of it, so tuning them keeps state.
 */
public record ValidatedRule(
    String policyId,
    String policyName,
    List<String> mitreTags,
    RuleDefinition definition,
    Severity severity,
    Action action,
    Expr condition,
    List<Expr> exceptions,
    Correlation correlation,
    Optional<Suppression> suppression,
    String fingerprint) {

  public ValidatedRule {
    mitreTags = List.copyOf(mitreTags);
    exceptions = List.copyOf(exceptions);
  }

  public String ruleId() {
    return definition.id();
  }

  /** {@code policyId/ruleId}: unique within a tenant. */
  public String key() {
    return policyId + "/" + definition.id();
  }
}
