/**
 * Resolved tree to a MongoDB filter for event search. {@link io.tocsin.dsl.mongo.MongoTranslator}
 * pushes down what MongoDB evaluates exactly like the {@link io.tocsin.dsl.eval.Interpreter}; for
 * the rest it emits a broader filter plus a residual predicate applied in the application, so
 * results always equal the interpreter's. Only operators the embedded mongo-java-server supports
 * are used ({@code $text} is not).
 */
package io.tocsin.dsl.mongo;
