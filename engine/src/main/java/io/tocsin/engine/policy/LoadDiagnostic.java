package io.tocsin.engine.policy;

/**
 * One problem found while loading a policy set, Falco {@code load_result} style.
 *
 * @param severity errors refuse the whole set; warnings do not
 * @param code stable machine-readable code, e.g. {@code INVALID_CONDITION}
 * @param policyId the policy concerned, or null for set-wide problems
 * @param location where inside the policy, e.g. {@code rules[0].condition line 1:5}
 * @param message what is wrong and, where possible, how to fix it
 */
public record LoadDiagnostic(
    Level severity, String code, String policyId, String location, String message) {

  /** Errors refuse the set; warnings are reported and loading goes on. */
  public enum Level {
    ERROR,
    WARNING
  }

  public boolean isError() {
    return severity == Level.ERROR;
  }

  /** {@code policy [p1] rules[0].condition line 1:5: unknown field [process.nme], ...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (policyId != null) {
      sb.append("policy [").append(policyId).append("] ");
    }
    if (location != null && !location.isEmpty()) {
      sb.append(location).append(": ");
    }
    return sb.append(message).toString();
  }
}
