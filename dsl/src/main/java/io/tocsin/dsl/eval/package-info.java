/**
 * Evaluation of resolved trees over {@link io.tocsin.model.Event}s. {@link
 * io.tocsin.dsl.eval.Interpreter} compiles a tree (or any sub-tree) to a {@code Predicate<Event>};
 * {@link io.tocsin.dsl.eval.ValueMatchers} holds the per-operator semantics in one place, so the
 * Drools engine can reuse them for constraints it cannot index. IP and CIDR parsing never touches
 * DNS ({@link io.tocsin.dsl.eval.Ips}); regular expressions run on re2j and globs on an automaton
 * ({@link io.tocsin.dsl.eval.GlobMatcher}), both linear in the value's length; chains of equalities
 * become hashed sets ({@link io.tocsin.dsl.eval.EqualitySets}). Callers that must stop on time run
 * evaluation within an {@link io.tocsin.dsl.eval.EvalBudget}; {@link io.tocsin.dsl.eval.CostModel}
 * estimates a condition's worst-case cost per event.
 */
package io.tocsin.dsl.eval;
