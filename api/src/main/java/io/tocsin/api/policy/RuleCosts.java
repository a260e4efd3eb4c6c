package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.query.QueryProperties;
import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.eval.CostModel;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Refuses, when a policy is written, validated or backtested, any rule condition whose worst-case
 * cost per event ({@link CostModel}) exceeds {@code tocsin.query.max-rule-cost}: such a rule would
 * run on every ingested event and slow detection for every tenant. The problem points at the
 * costliest comparison (line and column inside the condition) and says how to fix it.
 */
@Component
class RuleCosts {

  static final String CODE = "RULE_TOO_COSTLY";

  private final long maxCost;

  RuleCosts(QueryProperties properties) {
    this.maxCost = properties.maxRuleCost();
  }

  /** Throws 400 VALIDATION_ERROR listing every too costly condition of the policy. */
  void require(PolicyDefinition policy, ConditionContext context) {
    List<Problem> problems = check(policy, context);
    if (!problems.isEmpty()) {
      throw DefinitionValidator.invalid("Policy is too costly to evaluate", problems);
    }
  }

  List<Problem> check(PolicyDefinition policy, ConditionContext context) {
    List<Problem> out = new ArrayList<>();
    for (int r = 0; r < policy.rules().size(); r++) {
      RuleDefinition rule = policy.rules().get(r);
      if (rule == null) {
        continue;
      }
      String at = "rules[" + r + "]";
      check(rule.condition(), at + ".condition", rule.id(), context, out);
      for (int i = 0; i < rule.exceptions().size(); i++) {
        check(rule.exceptions().get(i), at + ".exceptions[" + i + "]", rule.id(), context, out);
      }
      if (rule.sequence() != null) {
        for (int i = 0; i < rule.sequence().steps().size(); i++) {
          check(
              rule.sequence().steps().get(i),
              at + ".sequence.steps[" + i + "]",
              rule.id(),
              context,
              out);
        }
      }
      if (rule.absence() != null) {
        check(rule.absence().expect(), at + ".absence.expect", rule.id(), context, out);
      }
    }
    return out;
  }

  private void check(
      String text, String field, String ruleId, ConditionContext context, List<Problem> out) {
    if (text == null || text.isBlank()) {
      return;
    }
    CheckResult checked = Conditions.check(text, context);
    if (checked.condition().isEmpty()) {
      return; // the validator reports why
    }
    CostModel.Estimate estimate = CostModel.estimate(checked.condition().get().root());
    if (estimate.total() <= maxCost) {
      return;
    }
    Comparison worst = estimate.costliest();
    String message =
        String.format(
            Locale.ROOT,
            "condition costs about %,d character visits per event (on %,d-character values),"
                + " more than the limit %,d [tocsin.query.max-rule-cost]%s; use fewer or shorter"
                + " wildcards and patterns, an equality or an in-list instead of many"
                + " contains/glob/matches terms",
            estimate.total(),
            CostModel.VALUE_LENGTH,
            maxCost,
            worst == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "; most of it is [%s] (about %,d)",
                    abbreviate(worst.source().text()),
                    estimate.costliestCost()));
    Integer line = worst == null ? null : worst.source().line();
    Integer column = worst == null ? null : worst.source().column();
    out.add(new Problem(CODE, "error", line, column, message, field, null, ruleId));
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
