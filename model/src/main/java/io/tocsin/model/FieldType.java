package io.tocsin.model;

/** The type of a canonical event field, as the condition language checks it. */
public enum FieldType {
  STRING,
  INTEGER,
  DECIMAL,
  /** A byte count; compared against size literals such as {@code 100MB}. */
  BYTES,
  IP,
  TIMESTAMP,
  BOOLEAN,
  STRING_ARRAY,
  /** Free-form ({@code payload.*}): values are compared by their runtime type. */
  ANY;

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL || this == BYTES;
  }
}
