package io.tocsin.dsl.ast;

/**
 * A bare name in list position: a tenant named list. Replaced by a {@link ListLiteral} by the
 * analyzer; never in its output.
 */
public record ListRef(Source source, String name) implements Operand {}
