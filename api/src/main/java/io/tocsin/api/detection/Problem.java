package io.tocsin.api.detection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.tocsin.engine.policy.LoadDiagnostic;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 */
public record Problem(
    String code,
    String severity,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer line,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer column,
    String message,
    @JsonInclude(JsonInclude.Include.ALWAYS) String field,
    String policyId) {

  private static final Pattern LOCATION = Pattern.compile("(.*?)(?:\\s*line (\\d+):(\\d+))?");

  public static Problem error(String code, String field, String message) {
    return new Problem(code, "error", null, null, message, field, null);
  }

  public static Problem warning(String code, String field, String message) {
    return new Problem(code, "warning", null, null, message, field, null);
  }

  /**
   * Maps an engine diagnostic, whose location looks like {@code rules[0].condition line 1:5}.
   *
   * @param candidateId id of the policy the caller sent: its problems carry no {@code policy_id}
   */
  public static Problem of(LoadDiagnostic d, String candidateId) {
    String location = d.location() == null ? "" : d.location();
    Matcher m = LOCATION.matcher(location);
    String field = location;
    Integer line = null;
    Integer column = null;
    if (m.matches()) {
      field = m.group(1).trim();
      if (m.group(2) != null) {
        line = Integer.valueOf(m.group(2));
        column = Integer.valueOf(m.group(3));
      }
    }
    String policy = d.policyId() == null || d.policyId().equals(candidateId) ? null : d.policyId();
    return new Problem(
        d.code(),
        d.isError() ? "error" : "warning",
        line,
        column,
        d.message(),
        field.isEmpty() ? null : field,
        policy);
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
