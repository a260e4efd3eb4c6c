package io.tocsin.dsl.ast;

/** A dotted event field path such as {@code process.parent.name}. */
public record FieldRef(Source source, String path) implements Operand {}
