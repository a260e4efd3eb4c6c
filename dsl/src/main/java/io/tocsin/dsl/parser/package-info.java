/**
 * Text to unresolved AST. The ANTLR-generated lexer and parser ({@code Condition.g4}) live here
 * together with {@link io.tocsin.dsl.parser.AstParser} (the entry point, with the nesting pre-check
 * that keeps recursion bounded), {@link io.tocsin.dsl.parser.AstBuilder} (parse tree to records)
 * and {@link io.tocsin.dsl.parser.SyntaxErrors} (replaces ANTLR's console listeners). The parser
 * never consults registries: names are resolved by {@code analysis}.
 */
package io.tocsin.dsl.parser;
