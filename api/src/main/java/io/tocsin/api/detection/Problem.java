package io.tocsin.api.detection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tocsin.engine.policy.LoadDiagnostic;

/**
 * One validation problem as the API reports it in {@code details.diagnostics} and in validate
 * warnings.
 *
 * @param code stable code, e.g. {@code UNKNOWN_FIELD}, {@code UNKNOWN_LIST}, {@code INVALID_TYPE}
 * @param severity {@code error} or {@code warning}
 * @param line 1-based line inside the condition text, null when the problem is not in a condition
 * @param column 1-based column inside the condition text, null likewise
 * @param message what is wrong and how to fix it
 * @param field where in the body, e.g. {@code rules[0].condition}
 * @param policyId set when the problem is in another stored policy of the tenant
 * @param ruleId id of the rule concerned, absent when the problem is not inside a rule
 */
public record Problem(
    String code,
    String severity,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer line,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer column,
    String message,
    @JsonInclude(JsonInclude.Include.ALWAYS) String field,
    String policyId,
    String ruleId) {

  public static Problem error(String code, String field, String message) {
    return new Problem(code, "error", null, null, message, field, null, null);
  }

  public static Problem warning(String code, String field, String message) {
    return new Problem(code, "warning", null, null, message, field, null, null);
  }

  /**
   * Maps a diagnostic of the reader or the loader field for field.
   *
   * @param candidateId id of the policy the caller sent: its problems carry no {@code policy_id}
   */
  public static Problem of(LoadDiagnostic d, String candidateId) {
    String policy = d.policyId() == null || d.policyId().equals(candidateId) ? null : d.policyId();
    return new Problem(
        d.code(),
        d.isError() ? "error" : "warning",
        d.line() > 0 ? d.line() : null,
        d.line() > 0 ? d.column() : null,
        d.message(),
        d.path().isEmpty() ? null : d.path(),
        policy,
        d.ruleId());
  }

  /** The same problem one level down, e.g. under {@code policies[2]} of a policy set. */
  public Problem under(String prefix, String policy) {
    return new Problem(
        code,
        severity,
        line,
        column,
        message,
        prefix + (field == null ? "" : "." + field),
        policy,
        ruleId);
  }

  @JsonIgnore
  public boolean isError() {
    return "error".equals(severity);
  }

  /** {@code rules[0].condition line 1:5: message}, with the policy when it is another one. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    if (policyId != null) {
      sb.append("policy [").append(policyId).append("] ");
    }
    if (field != null) {
      sb.append(field);
      if (line != null) {
        sb.append(" line ").append(line).append(':').append(column);
      }
      sb.append(": ");
    }
    return sb.append(message).toString();
  }
}
