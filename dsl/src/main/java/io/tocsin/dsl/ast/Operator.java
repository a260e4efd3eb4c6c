package io.tocsin.dsl.ast;

/** Comparison operators; {@link #symbol()} is how the operator is written in conditions. */
public enum Operator {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  CONTAINS("contains"),
  ICONTAINS("icontains"),
  STARTSWITH("startswith"),
  ISTARTSWITH("istartswith"),
  ENDSWITH("endswith"),
  IENDSWITH("iendswith"),
  MATCHES("matches"),
  GLOB("glob"),
  /** Equality ignoring ASCII letter case. */
  IEQUALS("iequals"),
  /**
   * Whole-value wildcard match: {@code *} any run of characters (including none), {@code ?} exactly
   * one character, a backslash makes the next character literal; unlike {@link #GLOB} no character
   * is special to paths.
   */
  WILDCARD("wildcard"),
  /** {@link #WILDCARD} ignoring ASCII letter case. */
  IWILDCARD("iwildcard"),
  IN("in"),
  NOT_IN("not in"),
  /**
   * The search shorthand {@code field:value}; the analyzer rewrites it to EQ, GLOB (wildcards) or a
   * numeric comparison ({@code field:>N}), so backends never see it.
   */
  SEARCH(":");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
