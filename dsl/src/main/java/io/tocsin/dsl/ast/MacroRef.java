package io.tocsin.dsl.ast;

/**
 * A bare name in boolean position: a tenant macro. Expanded by the analyzer; never in its output.
 */
public record MacroRef(Source source, String name) implements Expr {}
