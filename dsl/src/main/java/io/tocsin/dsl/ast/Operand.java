package io.tocsin.dsl.ast;

/** A value-producing node: a field, a literal, a list, or a function call. */
public sealed interface Operand extends Node
    permits FieldRef, Literal, ListLiteral, ListRef, FunctionCall {}
