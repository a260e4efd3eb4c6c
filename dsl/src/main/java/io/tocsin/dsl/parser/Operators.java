package io.tocsin.dsl.parser;

import io.tocsin.dsl.ast.Operator;
import org.antlr.v4.runtime.Token;

/** Maps operator tokens to {@link Operator}s. */
final class Operators {

  private Operators() {}

  static Operator of(Token token) {
    return switch (token.getType()) {
      case ConditionLexer.EQ -> Operator.EQ;
      case ConditionLexer.NE -> Operator.NE;
      case ConditionLexer.LT -> Operator.LT;
      case ConditionLexer.LE -> Operator.LE;
      case ConditionLexer.GT -> Operator.GT;
      case ConditionLexer.GE -> Operator.GE;
      case ConditionLexer.CONTAINS -> Operator.CONTAINS;
      case ConditionLexer.ICONTAINS -> Operator.ICONTAINS;
      case ConditionLexer.STARTSWITH -> Operator.STARTSWITH;
      case ConditionLexer.ISTARTSWITH -> Operator.ISTARTSWITH;
      case ConditionLexer.ENDSWITH -> Operator.ENDSWITH;
      case ConditionLexer.IENDSWITH -> Operator.IENDSWITH;
      case ConditionLexer.MATCHES -> Operator.MATCHES;
      case ConditionLexer.GLOB -> Operator.GLOB;
      case ConditionLexer.IEQUALS -> Operator.IEQUALS;
      case ConditionLexer.WILDCARD -> Operator.WILDCARD;
      case ConditionLexer.IWILDCARD -> Operator.IWILDCARD;
      default -> throw new IllegalArgumentException("not an operator: " + token.getText());
    };
  }
}
