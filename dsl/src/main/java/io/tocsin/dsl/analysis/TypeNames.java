package io.tocsin.dsl.analysis;

import io.tocsin.model.FieldType;

/** Field types as messages name them. */
final class TypeNames {

  private TypeNames() {}

  static String of(FieldType type) {
    return switch (type) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case DECIMAL -> "a decimal";
      case BYTES -> "a byte count";
      case IP -> "an IP address";
      case TIMESTAMP -> "a timestamp";
      case BOOLEAN -> "a boolean";
      case STRING_ARRAY -> "an array of strings";
      case ANY -> "free-form";
    };
  }
}
