package io.tocsin.rules.sigma;

import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Converts Sigma rules to Tocsin policies: the public entry point for the API and the {@code
 * tocsin} CLI.
 *
 * <pre>{@code
 * SigmaConverter converter = new SigmaConverter(FieldMappings.builtin(), Map.of());
 * SigmaConversion result = converter.convert(Path.of("rules/"));   // a file or a folder
 * result.policies();   // List<Map>: bodies for POST /api/v1/policies, validated
 * result.reports();    // one RuleReport per rule: converted, or rejected with reasons
 * }</pre>
 *
 * <p>Each Sigma rule becomes one policy {@code sigma-<id>} with one rule; its title, level (as
 * severity), tags (ATT&CK tags kept as {@code attack.tNNNN}), references and false positives are
 * kept (in the description and under the rule's {@code parameters.sigma}, so every detection
 * carries them). A correlation rule becomes a policy with a threshold or sequence rule over the
 * conditions of the rules it references; those rules' own policies are disabled unless the
 * correlation says {@code generate: true}. A rule that cannot be converted exactly is rejected with
 * its reasons; nothing is half-converted. Every converted policy has passed the same validation as
 * {@code POST /api/v1/policies}. Instances hold no per-conversion state and may be shared across
 * threads.
 *
 * @throws SigmaYamlException from the {@code convert} methods when an input is not valid YAML
 */
public final class SigmaConverter {

  private final FieldMappings mappings;
  private final Placeholders placeholders;
  private final PolicyLoader loader = new PolicyLoader(new DslLanguage());

  /** Built-in mappings, no placeholder values. */
  public SigmaConverter() {
    this(FieldMappings.builtin(), Map.of());
  }

  /**
   * @param placeholders values for {@code |expand} placeholders by name ({@code %admins%} → list
   *     {@code admins}); the API passes the tenant's named lists
   */
  public SigmaConverter(FieldMappings mappings, Map<String, List<String>> placeholders) {
    this.mappings = mappings;
    this.placeholders = new Placeholders(placeholders);
  }

  /** One YAML text, possibly several documents ({@code ---}). */
  public SigmaConversion convert(String yaml, String sourceName) {
    return convert(List.of(new SigmaSource(sourceName, yaml)));
  }

  /** A {@code .yml}/{@code .yaml} file, or every such file under a folder (recursively). */
  public SigmaConversion convert(Path fileOrFolder) throws IOException {
    List<SigmaSource> sources = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> files = Files.walk(fileOrFolder)) {
        for (Path f : files.filter(SigmaConverter::isYaml).sorted().toList()) {
          sources.add(
              new SigmaSource(
                  fileOrFolder.relativize(f).toString(),
                  Files.readString(f, StandardCharsets.UTF_8)));
        }
      }
    } else {
      sources.add(
          new SigmaSource(
              fileOrFolder.getFileName().toString(),
              Files.readString(fileOrFolder, StandardCharsets.UTF_8)));
    }
    return convert(sources);
  }

  /** Several sources converted together, so correlations may refer to rules in other files. */
  public SigmaConversion convert(List<SigmaSource> sources) {
    List<String> problems = new ArrayList<>();
    List<SigmaRule> rules = new ArrayList<>();
    for (SigmaSource s : sources) {
      SigmaDocument.read(s, problems).forEach(d -> rules.add(SigmaRule.of(d)));
    }
    if (!problems.isEmpty()) {
      throw new SigmaYamlException(problems);
    }
    return new Batch(rules).run();
  }

  static boolean isYaml(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return Files.isRegularFile(p) && (n.endsWith(".yml") || n.endsWith(".yaml"));
  }

  /** One conversion run: base rules first, then correlations over them. */
  private final class Batch {
    private final List<SigmaRule> rules;
    private final Map<SigmaRule, Map<String, Object>> policies = new IdentityHashMap<>();
    private final Map<SigmaRule, RuleReport> reports = new IdentityHashMap<>();
    private final Map<SigmaRule, List<String>> notes = new IdentityHashMap<>();
    private final Map<String, CorrelationCompiler.Base> byRef = new HashMap<>();
    private final Map<String, String> rejectedRefs = new HashMap<>();

    Batch(List<SigmaRule> rules) {
      this.rules = rules;
    }

    SigmaConversion run() {
      rules.stream().filter(r -> !r.isCorrelation()).forEach(this::base);
      Map<SigmaRule, Boolean> generated = new IdentityHashMap<>();
      for (SigmaRule r : rules) {
        if (r.isCorrelation()) {
          correlation(r, generated);
        }
      }
      generated.forEach(
          (base, generate) -> {
            if (!generate && policies.containsKey(base)) {
              policies.get(base).put("enabled", false);
              notes.get(base).add("disabled: used by a correlation rule without [generate: true]");
            }
          });
      List<Map<String, Object>> out = new ArrayList<>();
      List<RuleReport> rs = new ArrayList<>();
      for (SigmaRule r : rules) {
        if (policies.containsKey(r)) {
          out.add(policies.get(r));
          rs.add(report(r, "converted", (String) policies.get(r).get("id"), List.of()));
        } else {
          rs.add(reports.get(r));
        }
      }
      return new SigmaConversion(out, rs);
    }

    private void base(SigmaRule r) {
      List<String> ns = new ArrayList<>();
      notes.put(r, ns);
      try {
        if (r.title() == null) {
          throw new SigmaRejection("rule has no [title]");
        }
        FieldMappings.Resolved mapping = mappings.resolve(r.logsource());
        if (mapping.names().isEmpty()) {
          ns.add(
              "no mapping file matches logsource " + r.logsource() + ": all fields under payload.");
        }
        FieldCondition.Unmapped unmapped = new FieldCondition.Unmapped();
        String condition =
            DetectionCompiler.compile(r.tree().get("detection"), mapping, placeholders, unmapped);
        if (!unmapped.fields().isEmpty()) {
          ns.add(
              "kept under payload. (no canonical name): " + String.join(", ", unmapped.fields()));
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", "sigma");
        rule.put("condition", condition);
        accept(r, rule, ns);
        CorrelationCompiler.Base base = new CorrelationCompiler.Base(r, condition, mapping);
        for (String ref : new String[] {r.id(), r.name()}) {
          if (ref != null) {
            byRef.put(ref, base);
          }
        }
      } catch (SigmaRejection e) {
        reject(r, e.reasons());
      }
    }

    private void correlation(SigmaRule r, Map<SigmaRule, Boolean> generated) {
      List<String> ns = new ArrayList<>();
      notes.put(r, ns);
      try {
        if (r.title() == null) {
          throw new SigmaRejection("rule has no [title]");
        }
        if (!(r.tree().get("correlation") instanceof Map<?, ?> corr)) {
          throw new SigmaRejection("[correlation] must be a map");
        }
        CorrelationCompiler.Compiled c = CorrelationCompiler.compile(corr, byRef, rejectedRefs);
        accept(r, new LinkedHashMap<>(c.rule()), ns);
        for (CorrelationCompiler.Base b : c.bases()) {
          generated.merge(b.rule(), c.generate(), Boolean::logicalOr);
        }
      } catch (SigmaRejection e) {
        reject(r, e.reasons());
      }
    }

    /** Builds and validates the policy; a validation error rejects the rule. */
    private void accept(SigmaRule r, Map<String, Object> rule, List<String> ns) {
      String policyId = r.policyId();
      rule.put("action", "alert");
      rule.put("severity", r.severity(ns));
      rule.put("parameters", Map.of("sigma", r.metadata()));
      Map<String, Object> policy = new LinkedHashMap<>();
      policy.put("id", policyId);
      policy.put("name", r.title());
      policy.put("description", r.description());
      policy.put("enabled", true);
      policy.put("tags", r.tags());
      policy.put("rules", List.of(rule));
      PolicyDocument.Parsed document = PolicyDocument.read(policy);
      if (!document.ok()) {
        throw new SigmaRejection("not a valid policy: " + document.problems().get(0));
      }
      LoadResult result =
          loader.load(List.of(document.definition(policyId, true)), Map.of(), Map.of());
      if (!result.ok()) {
        throw new SigmaRejection(
            result.errors().stream()
                .map(d -> "converted condition does not validate: " + d.message())
                .toList());
      }
      if (policies.values().stream().anyMatch(p -> policyId.equals(p.get("id")))) {
        throw new SigmaRejection("another rule of this import has the id [" + r.id() + "]");
      }
      policies.put(r, policy);
    }

    private void reject(SigmaRule r, List<String> reasons) {
      reports.put(r, report(r, "rejected", null, reasons));
      for (String ref : new String[] {r.id(), r.name()}) {
        if (ref != null) {
          rejectedRefs.put(ref, String.join("; ", reasons));
        }
      }
    }

    private RuleReport report(SigmaRule r, String status, String policyId, List<String> reasons) {
      return new RuleReport(
          r.source(),
          r.id(),
          r.title(),
          status,
          policyId,
          reasons,
          notes.getOrDefault(r, List.of()));
    }
  }
}
