package io.tocsin.dsl.ast;

/**
 * Literal kinds and the Java type of {@link Literal#value()} for each: STRING {@code String},
 * INTEGER {@code Long}, DECIMAL {@code Double}, SIZE {@code Long} (bytes, 1024-based), DURATION
 * {@code java.time.Duration}, BOOLEAN {@code Boolean}, CIDR {@code String} (as written, validated
 * by the analyzer), WILDCARD {@code String} (an unquoted shorthand value containing {@code *}).
 */
public enum LiteralKind {
  STRING,
  INTEGER,
  DECIMAL,
  SIZE,
  DURATION,
  BOOLEAN,
  CIDR,
  WILDCARD
}
