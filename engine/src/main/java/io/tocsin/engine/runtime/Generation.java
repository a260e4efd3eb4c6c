package io.tocsin.engine.runtime;

import io.tocsin.dsl.ast.Expr;
import io.tocsin.engine.RuleTiming;
import io.tocsin.engine.compile.CompiledMatchers;
import io.tocsin.engine.compile.KieBaseCompiler;
import io.tocsin.engine.compile.SlotTimings;
import io.tocsin.engine.condition.ConditionLanguage;
import io.tocsin.engine.policy.Correlation;
import io.tocsin.engine.policy.PolicySet;
import io.tocsin.engine.policy.ValidatedRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One immutable compiled policy-set version: the KieBase, and what each compiled condition (slot)
 * means. Built outside the engine lock; swapped in atomically.
 */
public final class Generation {

  private final long number;
  private final PolicySet policySet;
  private final CompiledMatchers matchers;
  private final List<RuleRuntime> rules;
  private final List<RuleRuntime> absenceRules;
  private final int[] slotRule;
  private final int[] slotStep;
  private final Role[] slotRole;

  private Generation(
      long number,
      PolicySet policySet,
      CompiledMatchers matchers,
      List<RuleRuntime> rules,
      List<int[]> slots,
      List<Role> roles) {
    this.number = number;
    this.policySet = policySet;
    this.matchers = matchers;
    this.rules = rules;
    this.absenceRules =
        rules.stream().filter(r -> r.rule().correlation() instanceof Correlation.Absence).toList();
    int n = slots.size();
    this.slotRule = new int[n];
    this.slotStep = new int[n];
    this.slotRole = roles.toArray(new Role[0]);
    for (int i = 0; i < n; i++) {
      slotRule[i] = slots.get(i)[0];
      slotStep[i] = slots.get(i)[1];
    }
  }

  /** Compiles {@code set}; throws when Drools rejects the model. */
  public static Generation compile(long number, PolicySet set, ConditionLanguage language) {
    List<Expr> conditions = new ArrayList<>();
    List<int[]> slots = new ArrayList<>();
    List<Role> roles = new ArrayList<>();
    List<RuleRuntime> rules = new ArrayList<>();
    for (int r = 0; r < set.rules().size(); r++) {
      ValidatedRule rule = set.rules().get(r);
      rules.add(
          new RuleRuntime(r, rule, rule.exceptions().stream().map(language::predicate).toList()));
      // Slot numbers double as the processing order of one event's matches: a sequence's later
      // steps come first (so one event never starts and advances the same sequence), and an
      // absence rule's expected event comes before its trigger.
      if (rule.correlation() instanceof Correlation.Sequence seq) {
        for (int s = seq.steps().size() - 1; s >= 0; s--) {
          conditions.add(seq.steps().get(s));
          slots.add(new int[] {r, s});
          roles.add(Role.STEP);
        }
        continue;
      }
      if (rule.correlation() instanceof Correlation.Absence absence) {
        conditions.add(absence.expect());
        slots.add(new int[] {r, 0});
        roles.add(Role.EXPECT);
      }
      conditions.add(rule.condition());
      slots.add(new int[] {r, 0});
      roles.add(Role.CONDITION);
    }
    CompiledMatchers matchers = new KieBaseCompiler(language).compile(conditions);
    return new Generation(number, set, matchers, List.copyOf(rules), slots, roles);
  }

  public long number() {
    return number;
  }

  public PolicySet policySet() {
    return policySet;
  }

  public CompiledMatchers matchers() {
    return matchers;
  }

  List<RuleRuntime> rules() {
    return rules;
  }

  /** Rules with an absence timer, checked whenever event time moves. */
  List<RuleRuntime> absenceRules() {
    return absenceRules;
  }

  /** The {@code n} rules whose checks took longest so far, slowest first (none with zero time). */
  public List<RuleTiming> slowestRules(int n) {
    long[] perRule = new long[rules.size()];
    SlotTimings timings = matchers.timings();
    for (int slot = 0; slot < timings.slots(); slot++) {
      perRule[slotRule[slot]] += timings.nanos(slot);
    }
    List<RuleTiming> out = new ArrayList<>();
    for (int r = 0; r < perRule.length; r++) {
      if (perRule[r] > 0) {
        ValidatedRule rule = rules.get(r).rule();
        out.add(new RuleTiming(rule.policyId(), rule.definition().id(), perRule[r]));
      }
    }
    out.sort(Comparator.comparingLong(RuleTiming::nanos).reversed());
    return out.size() > n ? List.copyOf(out.subList(0, n)) : List.copyOf(out);
  }

  RuleRuntime rule(int slot) {
    return rules.get(slotRule[slot]);
  }

  int step(int slot) {
    return slotStep[slot];
  }

  Role role(int slot) {
    return slotRole[slot];
  }
}
