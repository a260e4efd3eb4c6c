/**
 * Evaluation of resolved trees over {@link io.tocsin.model.Event}s. {@link
 * io.tocsin.dsl.eval.Interpreter} compiles a tree (or any sub-tree) to a {@code Predicate<Event>};
 * {@link io.tocsin.dsl.eval.ValueMatchers} holds the per-operator semantics in one place, so the
 * Drools engine can reuse them for constraints it cannot index. IP and CIDR parsing never touches
 * DNS ({@link io.tocsin.dsl.eval.Ips}); regular expressions run on re2j (linear time).
 */
package io.tocsin.dsl.eval;
