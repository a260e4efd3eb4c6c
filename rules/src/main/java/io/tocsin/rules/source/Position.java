package io.tocsin.rules.source;

/**
 * Where a value starts in its file, and how it is written, so that a position inside a condition
 * string can be mapped back to the file.
 *
 * @param line 1-based
 * @param column 1-based
 * @param style how the scalar is written; null for maps and lists
 */
public record Position(int line, int column, Style style) {

  /** How a scalar is written in YAML: on one line (plain or quoted) or as a block. */
  public enum Style {
    PLAIN,
    QUOTED,
    FOLDED,
    LITERAL
  }
}
