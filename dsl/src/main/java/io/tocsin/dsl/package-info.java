/**
 * The condition language's public face. {@link io.tocsin.dsl.Conditions} runs the phases (parse →
 * analyze → verify) and hands back a {@link io.tocsin.dsl.CheckedCondition} whose resolved tree
 * every backend consumes: the {@link io.tocsin.dsl.eval.Interpreter}, the {@link
 * io.tocsin.dsl.mongo.MongoTranslator} and the Drools engine. Problems come back as {@link
 * io.tocsin.dsl.Diagnostic}s with stable codes; docs/language.md lists them all.
 */
package io.tocsin.dsl;
