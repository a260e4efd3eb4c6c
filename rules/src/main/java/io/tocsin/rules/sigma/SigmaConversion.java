package io.tocsin.rules.sigma;

import java.util.List;
import java.util.Map;

/**
 * The result of a conversion.
 *
 * @param policies converted policies in the policies API's JSON shape ({@code id, name,
 *     description, enabled, tags, rules[]}), ready for {@code POST /api/v1/policies}
 * @param reports one per rule, converted or rejected, in input order
 */
public record SigmaConversion(List<Map<String, Object>> policies, List<RuleReport> reports) {

  public SigmaConversion {
    policies = List.copyOf(policies);
    reports = List.copyOf(reports);
  }

  public long convertedCount() {
    return reports.stream().filter(RuleReport::converted).count();
  }

  public long rejectedCount() {
    return reports.size() - convertedCount();
  }
}
