package io.tocsin.dsl.ast;

/**
 * {@code left operator right}, e.g. {@code process.name == 'cmd.exe'} or {@code file.size > 100MB}.
 * After analysis the left side is a {@link FieldRef} or a {@link FunctionCall} over fields, the
 * right side a {@link Literal} or {@link ListLiteral}, and {@link Operator#SEARCH} is gone.
 */
public record Comparison(Source source, Operand left, Operator operator, Operand right)
    implements Expr {}
