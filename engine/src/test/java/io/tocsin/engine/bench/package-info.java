/**
 * JMH benchmarks (run with the {@code bench} profile; see docs/performance.md): the engine against
 * the interpreter evaluating every rule per event (the naive baseline) and hand-written Java
 * predicates for the same rules (the limit), on the same events.
 */
package io.tocsin.engine.bench;
