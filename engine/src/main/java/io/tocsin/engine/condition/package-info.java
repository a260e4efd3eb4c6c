/**
 * The engine's view of the condition language: a narrow port ({@link
 * io.tocsin.engine.condition.ConditionLanguage}) over the dsl module's analyzer and interpreter, so
 * that every operator the engine does not index is evaluated with exactly the interpreter's
 * semantics, plus a canonical text rendering of resolved trees ({@link
 * io.tocsin.engine.condition.ExprText}) used for Drools constraint ids and rule fingerprints.
 */
package io.tocsin.engine.condition;
