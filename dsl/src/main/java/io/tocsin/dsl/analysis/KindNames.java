package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ast.LiteralKind;

/** Literal kinds as messages name them. */
final class KindNames {

  private KindNames() {}

  static String of(LiteralKind kind) {
    return switch (kind) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case DECIMAL -> "a decimal";
      case SIZE -> "a size";
      case DURATION -> "a duration";
      case BOOLEAN -> "a boolean";
      case CIDR -> "a CIDR";
      case WILDCARD -> "a wildcard";
    };
  }
}
