package io.tocsin.api.policy;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.list.NamedValues;
import io.tocsin.api.policy.SigmaImportViews.SigmaImportReport;
import io.tocsin.api.policy.SigmaImportViews.SigmaImportSummary;
import io.tocsin.api.policy.SigmaImportViews.SigmaRuleOutcome;
import io.tocsin.rules.sigma.FieldMappings;
import io.tocsin.rules.sigma.RuleReport;
import io.tocsin.rules.sigma.SigmaConversion;
import io.tocsin.rules.sigma.SigmaConverter;
import io.tocsin.rules.sigma.SigmaSource;
import io.tocsin.rules.sigma.SigmaYamlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Converts uploaded Sigma rules with the tenant's named lists as {@code |expand} placeholders, then
 * (unless a dry run) creates or updates each converted policy {@code sigma-<id>}. A re-import
 * updates the rule but keeps what the tenant tuned: the enabled flag and each rule's exceptions.
 */
@Service
class SigmaImportService {

  private final PolicyService policies;
  private final PolicyStore store;
  private final NamedValues named;
  private final FieldMappings mappings = FieldMappings.builtin();

  SigmaImportService(PolicyService policies, PolicyStore store, NamedValues named) {
    this.policies = policies;
    this.store = store;
    this.named = named;
  }

  SigmaImportReport importRules(
      String tenantId, String user, List<SigmaSource> sources, boolean dryRun) {
    SigmaConversion conversion;
    try {
      conversion = new SigmaConverter(mappings, named.lists(tenantId)).convert(sources);
    } catch (SigmaYamlException e) {
      throw ApiException.badRequest(
          "invalid YAML: " + e.problems().get(0), Map.of("problems", e.problems()));
    }
    Map<String, String> outcome = new HashMap<>();
    int created = 0;
    int updated = 0;
    if (!dryRun) {
      for (Map<String, Object> policy : conversion.policies()) {
        String id = (String) policy.get("id");
        if (store.exists(tenantId, id)) {
          policies.update(tenantId, id, keepTuning(policies.source(tenantId, id), policy), user);
          outcome.put(id, "updated");
          updated++;
        } else {
          policies.create(tenantId, policy, user);
          outcome.put(id, "created");
          created++;
        }
      }
    }
    List<SigmaRuleOutcome> rules = new ArrayList<>();
    for (RuleReport r : conversion.reports()) {
      String saved = dryRun ? "would_save" : outcome.get(r.policyId());
      rules.add(SigmaRuleOutcome.of(r, r.converted() ? saved : null));
    }
    SigmaImportSummary summary =
        new SigmaImportSummary(
            conversion.reports().size(),
            conversion.convertedCount(),
            conversion.rejectedCount(),
            created,
            updated);
    return new SigmaImportReport(
        dryRun, summary, rules, conversion.policies().stream().map(PolicySource::of).toList());
  }

  /** The imported policy with the stored one's enabled flag and per-rule exceptions. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> keepTuning(
      Map<String, Object> existing, Map<String, Object> imported) {
    Map<String, Object> out = new LinkedHashMap<>(imported);
    out.put("enabled", existing.get("enabled"));
    Map<String, Object> exceptions = new HashMap<>();
    for (Object r : (List<Object>) existing.getOrDefault("rules", List.of())) {
      Map<String, Object> rule = (Map<String, Object>) r;
      exceptions.put(String.valueOf(rule.get("id")), rule.get("exceptions"));
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Object r : (List<Object>) imported.get("rules")) {
      Map<String, Object> rule = new LinkedHashMap<>((Map<String, Object>) r);
      Object kept = exceptions.get(String.valueOf(rule.get("id")));
      if (kept instanceof List<?> l && !l.isEmpty()) {
        rule.put("exceptions", kept);
      }
      rules.add(rule);
    }
    out.put("rules", rules);
    return out;
  }
}
