package io.tocsin.dsl.ast;

/** Inverts its operand. */
public record Not(Source source, Expr operand) implements Expr {}
