package io.tocsin.rules.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one Sigma rule.
 *
 * @param source the file, and {@code #n} for the n-th document of a multi-document file
 * @param status {@code converted} or {@code rejected}
 * @param policyId the policy it became, or null when rejected
 * @param reasons why it was rejected (empty when converted)
 * @param notes what a reviewer should know about a converted rule (fields kept under {@code
 *     payload.}, a level with no equal severity, a base rule disabled by its correlation)
 */
public record RuleReport(
    String source,
    String id,
    String title,
    String status,
    String policyId,
    List<String> reasons,
    List<String> notes) {

  public RuleReport {
    reasons = List.copyOf(reasons);
    notes = List.copyOf(notes);
  }

  public boolean converted() {
    return "converted".equals(status);
  }

  /** The report as JSON-ready map (snake_case, as the API returns it). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", source);
    m.put("sigma_id", id);
    m.put("title", title);
    m.put("status", status);
    m.put("policy_id", policyId);
    m.put("reasons", reasons);
    m.put("notes", notes);
    return m;
  }
}
