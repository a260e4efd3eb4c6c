package io.tocsin.dsl.ast;

/** {@code field exists}: true when the event has the field. */
public record Exists(Source source, Operand target) implements Expr {}
