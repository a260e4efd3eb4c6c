package io.tocsin.api.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.rules.sigma.RuleReport;
import java.util.List;

/** What {@code POST /policies/import/sigma} answers. */
final class SigmaImportViews {

  private SigmaImportViews() {}

  /**
   * The import report.
   *
   * @param policies the converted policies, as saved (or, on a dry run, as they would be)
   */
  record SigmaImportReport(
      boolean dryRun,
      SigmaImportSummary summary,
      List<SigmaRuleOutcome> rules,
      List<PolicySource> policies) {}

  /**
   * Counts of the import.
   *
   * @param rules Sigma rules read
   * @param created policies created (0 on a dry run)
   * @param updated policies updated, keeping the tenant's enabled flag and exceptions
   */
  record SigmaImportSummary(int rules, long converted, long rejected, int created, int updated) {}

  /**
   * What happened to one Sigma rule.
   *
   * @param source the file, and {@code #n} for the n-th document of a multi-document file
   * @param status converted or rejected
   * @param reasons why it was rejected (empty when converted)
   * @param notes what a reviewer should know about a converted rule
   */
  record SigmaRuleOutcome(
      String source,
      String sigmaId,
      String title,
      String status,
      @Schema(description = "The policy it became; absent when rejected") String policyId,
      List<String> reasons,
      List<String> notes,
      @Schema(description = "created, updated or would_save (dry run); absent when rejected")
          String outcome) {

    static SigmaRuleOutcome of(RuleReport r, String outcome) {
      return new SigmaRuleOutcome(
          r.source(), r.id(), r.title(), r.status(), r.policyId(), r.reasons(), r.notes(), outcome);
    }
  }
}
