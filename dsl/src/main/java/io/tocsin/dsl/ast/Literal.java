package io.tocsin.dsl.ast;

/** A constant; see {@link LiteralKind} for the Java type of {@code value}. */
public record Literal(Source source, LiteralKind kind, Object value) implements Operand {}
