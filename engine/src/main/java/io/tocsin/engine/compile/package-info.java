/**
 * Compiles resolved conditions to the Drools executable model. {@link
 * io.tocsin.engine.compile.Planner} turns each condition into branches (a bounded disjunctive
 * normal form) and picks, per branch, how Drools reaches it: an alpha-hashed equality (shared, O(1)
 * dispatch across policies), a substring pre-filter hit ({@link
 * io.tocsin.engine.compile.SubstringPrefilter}, Aho–Corasick over the literals of {@code contains},
 * {@code startswith}, ...), or a plain scan. {@link io.tocsin.engine.compile.KieBaseCompiler}
 * builds one immutable KieBase (STREAM mode) from the plans. Constraints that are not hashed are
 * evaluated with the interpreter's own predicates, so the engine and the interpreter cannot
 * disagree.
 */
package io.tocsin.engine.compile;
