package io.tocsin.rules.source;

/**
 * One problem in a policy file, compiler style.
 *
 * @param file the file as given (relative to the directory checked)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param error false for warnings (reported, never fail a check)
 * @param code stable machine-readable code, e.g. {@code UNKNOWN_FIELD}
 */
public record FileProblem(
    String file, int line, int column, boolean error, String code, String message) {

  /** {@code rules/x.yml:12:17: error: unknown field [process.nme] (UNKNOWN_FIELD)}. */
  @Override
  public String toString() {
    return file
        + ":"
        + Math.max(line, 1)
        + ":"
        + Math.max(column, 1)
        + ": "
        + (error ? "error" : "warning")
        + ": "
        + message
        + " ("
        + code
        + ")";
  }
}
