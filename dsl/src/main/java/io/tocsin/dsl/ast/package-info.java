/**
 * The immutable syntax tree of the condition language. The parser emits unresolved nodes ({@link
 * io.tocsin.dsl.ast.MacroRef}, {@link io.tocsin.dsl.ast.ListRef}, {@link
 * io.tocsin.dsl.ast.Operator#SEARCH}); the analyzer returns a tree without them, which every
 * backend (interpreter, MongoDB translation, the Drools engine) consumes. Nodes carry a {@link
 * io.tocsin.dsl.ast.Source}, never ANTLR tokens.
 */
package io.tocsin.dsl.ast;
