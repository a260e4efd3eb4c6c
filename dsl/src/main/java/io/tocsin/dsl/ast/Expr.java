package io.tocsin.dsl.ast;

/** A boolean expression: the root of every condition. */
public sealed interface Expr extends Node
    permits And, Or, Not, Comparison, Exists, MacroRef, BooleanLiteral {}
