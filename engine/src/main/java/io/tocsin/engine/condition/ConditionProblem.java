package io.tocsin.engine.condition;

/**
 * A problem the language reported for one condition text.
 *
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record ConditionProblem(String code, boolean error, int line, int column, String message) {

  /** {@code line 1:5: message}, or just the message when the position is unknown. */
  public String render() {
    return line > 0 ? "line " + line + ":" + column + ": " + message : message;
  }
}
