package io.tocsin.dsl.ast;

/** {@code true} or {@code false} in boolean position. */
public record BooleanLiteral(Source source, boolean value) implements Expr {}
