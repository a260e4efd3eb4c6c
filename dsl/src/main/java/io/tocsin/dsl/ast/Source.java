package io.tocsin.dsl.ast;

/** Where a node came from: 1-based line and column of its first character, and its text. */
public record Source(int line, int column, String text) {
  public static final Source NONE = new Source(0, 0, "");

  @Override
  public String toString() {
    return "line " + line + ":" + column;
  }
}
