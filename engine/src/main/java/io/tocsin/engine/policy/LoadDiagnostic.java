package io.tocsin.engine.policy;

/**
 * One problem found while reading or loading a policy set, Falco {@code load_result} style. The one
 * diagnostic record of the policy format: the document reader ({@code io.tocsin.engine.format}),
 * the loader and the condition language all report through it, and the API and the CLI map its
 * fields as they are (no position is ever packed into a string and parsed back).
 *
 * @param severity errors refuse the whole set; warnings do not
 * @param code stable machine-readable code, e.g. {@code INVALID_CONDITION}
 * @param policyId the policy concerned, or null for set-wide problems and single documents
 * @param path where inside the policy document, e.g. {@code rules[0].condition}; empty when nowhere
 * @param line 1-based line inside the condition text at {@code path}, 0 when not in a condition
 * @param column 1-based column inside the condition text, 0 likewise
 * @param ruleId id of the rule concerned, null when the problem is not inside a rule
 * @param message what is wrong and, where possible, how to fix it
 */
public record LoadDiagnostic(
    Level severity,
    String code,
    String policyId,
    String path,
    int line,
    int column,
    String ruleId,
    String message) {

  /** Errors refuse the set; warnings are reported and loading goes on. */
  public enum Level {
    ERROR,
    WARNING
  }

  public LoadDiagnostic {
    path = path == null ? "" : path;
  }

  /** A problem with no position inside a condition and no rule. */
  public LoadDiagnostic(Level severity, String code, String policyId, String path, String message) {
    this(severity, code, policyId, path, 0, 0, null, message);
  }

  /** A shape error of a single document (no policy id yet). */
  public static LoadDiagnostic error(String code, String path, String message) {
    return new LoadDiagnostic(Level.ERROR, code, null, path, message);
  }

  public boolean isError() {
    return severity == Level.ERROR;
  }

  /** {@code rules[0].condition line 1:5}, for human-readable output only. */
  public String location() {
    return line > 0 ? path + " line " + line + ":" + column : path;
  }

  /** {@code policy [p1] rules[0].condition line 1:5: unknown field [process.nme], ...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (policyId != null) {
      sb.append("policy [").append(policyId).append("] ");
    }
    if (!path.isEmpty()) {
      sb.append(location()).append(": ");
    }
    return sb.append(message).toString();
  }
}
