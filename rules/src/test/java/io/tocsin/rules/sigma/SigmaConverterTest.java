package io.tocsin.rules.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata, reports, rejections and correlations of {@link SigmaConverter}. */
class SigmaConverterTest {

  private final SigmaConverter converter = new SigmaConverter();

  private static final String RULE =
      """
      title: Encoded PowerShell
      id: 6f9e1c1a-0000-4000-8000-000000000001
      status: test
      description: PowerShell with an encoded command
      references: [https://attack.mitre.org/techniques/T1059/001/]
      author: Tocsin
      tags: [attack.execution, attack.t1059.001]
      logsource: {product: windows, category: process_creation}
      detection:
        selection:
          Image|endswith: '\\powershell.exe'
          CommandLine|contains: ' -enc '
        filter:
          IntegrityLevel: System
        condition: selection and not filter
      falsepositives: [Admin scripts]
      level: high
      """;

  @Test
  void convertedPolicyKeepsSigmaMetadata() {
    SigmaConversion c = converter.convert(RULE, "ps.yml");

    assertThat(c.reports()).singleElement().satisfies(r -> assertThat(r.converted()).isTrue());
    Map<String, Object> p = c.policies().get(0);
    assertThat(p.get("id")).isEqualTo("sigma-6f9e1c1a-0000-4000-8000-000000000001");
    assertThat(p.get("name")).isEqualTo("Encoded PowerShell");
    assertThat(p.get("tags")).isEqualTo(List.of("attack.execution", "attack.t1059.001", "sigma"));
    assertThat((String) p.get("description"))
        .contains("False positives: Admin scripts")
        .contains("References: https://attack.mitre.org/techniques/T1059/001/");
    Map<?, ?> rule = (Map<?, ?>) ((List<?>) p.get("rules")).get(0);
    assertThat(rule.get("severity")).isEqualTo("high");
    assertThat(rule.get("condition"))
        .isEqualTo(
            "(event.type == 'process' and event.action == 'start' and ((process.exe iendswith"
                + " '\\\\powershell.exe' and process.command_line icontains ' -enc ') and not"
                + " (payload.IntegrityLevel iequals 'System')))");
    Map<?, ?> sigma = (Map<?, ?>) ((Map<?, ?>) rule.get("parameters")).get("sigma");
    assertThat(sigma.get("id")).isEqualTo("6f9e1c1a-0000-4000-8000-000000000001");
    assertThat(sigma.get("falsepositives")).isEqualTo(List.of("Admin scripts"));
    assertThat(sigma.get("references"))
        .isEqualTo(List.of("https://attack.mitre.org/techniques/T1059/001/"));
    assertThat(c.reports().get(0).notes())
        .contains("kept under payload. (no canonical name): IntegrityLevel");
  }

  @Test
  void rejectedRuleListsEveryReasonAndYieldsNoPolicy() {
    String yaml =
        """
        title: Unconvertible
        id: bad-1
        logsource: {product: windows, category: process_creation}
        detection:
          a:
            CommandLine|re: '(?<=x)y'
          b:
            Image|frobnicate: x
          c:
            CommandLine|wide: x
          condition: a or b or c
        level: high
        """;
    SigmaConversion c = converter.convert(yaml, "bad.yml");

    assertThat(c.policies()).isEmpty();
    RuleReport r = c.reports().get(0);
    assertThat(r.status()).isEqualTo("rejected");
    assertThat(r.reasons())
        .containsExactly(
            "[b]: unknown modifier [frobnicate]",
            "[c]: [wide] gives bytes, not text: follow it with [base64] or [base64offset]");
  }

  @Test
  void regexRe2CannotReadIsRejectedWithTheValidatorsMessage() {
    String yaml =
        """
        title: Lookbehind
        id: bad-re
        logsource: {product: windows, category: process_creation}
        detection:
          a:
            CommandLine|re: '(?<=x)y'
          condition: a
        """;
    RuleReport r = converter.convert(yaml, "re.yml").reports().get(0);

    assertThat(r.status()).isEqualTo("rejected");
    assertThat(r.reasons()).singleElement().asString().contains("invalid regular expression");
  }

  @Test
  void aggregationsUnknownIdentifiersAndUnsupportedCorrelationConditionsAreRejected() {
    String yaml =
        """
        title: Old aggregation
        id: old-agg
        logsource: {product: windows}
        detection:
          sel: {EventID: 4625}
          condition: sel | count() by User > 5
        ---
        title: Typo
        id: typo
        logsource: {product: windows}
        detection:
          sel: {EventID: 4625}
          condition: sel and not filtre
        ---
        title: Base
        id: base
        logsource: {product: windows}
        detection:
          sel: {EventID: 4625}
          condition: sel
        ---
        title: Too few
        id: too-few
        correlation:
          type: event_count
          rules: [base]
          timespan: 1h
          condition: {lt: 3}
        """;
    List<RuleReport> r = converter.convert(yaml, "x.yml").reports();

    assertThat(r.get(0).reasons().get(0)).contains("aggregations");
    assertThat(r.get(1).reasons()).containsExactly("condition: unknown search identifier [filtre]");
    assertThat(r.get(2).converted()).isTrue();
    assertThat(r.get(3).reasons().get(0)).contains("lt fires on too few events");
  }

  @Test
  void correlationsBecomeThresholdsAndSequences() {
    String yaml =
        """
        title: Failed logon
        id: failed
        name: failed_logon
        logsource: {product: windows, service: security}
        detection:
          sel: {EventID: 4625}
          condition: sel
        ---
        title: Brute force
        id: brute
        correlation:
          type: event_count
          rules: [failed_logon]
          group-by: [TargetUserName, Computer]
          timespan: 5m
          condition: {gt: 9}
        level: high
        ---
        title: Spray
        id: spray
        correlation:
          type: value_count
          rules: [failed]
          group-by: [IpAddress]
          timespan: 1h
          condition: {field: TargetUserName, gte: 20}
          generate: true
        ---
        title: Any order
        id: any-order
        correlation:
          type: temporal
          rules: [failed, failed_logon]
          timespan: 10m
        """;
    SigmaConversion c = converter.convert(yaml, "corr.yml");

    assertThat(c.rejectedCount()).isZero();
    Map<?, ?> base = c.policies().get(0);
    assertThat(base.get("enabled")).isEqualTo(true); // spray says generate: true
    Map<?, ?> brute = (Map<?, ?>) ((List<?>) c.policies().get(1).get("rules")).get(0);
    assertThat(brute.get("threshold"))
        .isEqualTo(
            Map.of(
                "count",
                10,
                "within",
                "5m",
                "group_by",
                List.of("payload.TargetUserName", "host.name")));
    Map<?, ?> spray = (Map<?, ?>) ((List<?>) c.policies().get(2).get("rules")).get(0);
    assertThat(((Map<?, ?>) spray.get("threshold")).get("distinct"))
        .isEqualTo("payload.TargetUserName");
    Map<?, ?> any = (Map<?, ?>) ((List<?>) c.policies().get(3).get("rules")).get(0);
    assertThat(((Map<?, ?>) any.get("sequence")).get("ordered")).isEqualTo(false);
  }

  @Test
  void baseRuleOfACorrelationWithoutGenerateIsDisabled() {
    String yaml =
        """
        title: Base
        id: b1
        logsource: {product: windows}
        detection: {sel: {EventID: 1}, condition: sel}
        ---
        title: Count
        id: c1
        correlation: {type: event_count, rules: [b1], timespan: 1m, condition: {gte: 2}}
        """;
    SigmaConversion c = converter.convert(yaml, "g.yml");

    assertThat(c.policies().get(0).get("enabled")).isEqualTo(false);
    assertThat(c.reports().get(0).notes())
        .contains("disabled: used by a correlation rule without [generate: true]");
  }

  @Test
  void correlationOverARejectedOrMissingRuleIsRejected() {
    String yaml =
        """
        title: Count
        id: c1
        correlation: {type: event_count, rules: [nowhere], timespan: 1m, condition: {gte: 2}}
        """;
    assertThat(converter.convert(yaml, "c.yml").reports().get(0).reasons())
        .containsExactly("referenced rule [nowhere] is not in this import (by name or id)");
  }

  /** Regression: a file ending in {@code ---} (an empty last document) was refused as bad YAML. */
  @Test
  void emptyDocumentsAreSkippedAndScalarDocumentsRefused() {
    assertThat(converter.convert("---\n" + RULE + "---\n", "x.yml").convertedCount()).isEqualTo(1);
    assertThatThrownBy(() -> converter.convert("just a string\n", "s.yml"))
        .isInstanceOf(SigmaYamlException.class)
        .hasMessageContaining("s.yml:1:1: document 1 is not a map");
  }

  @Test
  void invalidYamlThrowsWithFileLineAndColumn() {
    assertThatThrownBy(() -> converter.convert("title: [unclosed\n", "broken.yml"))
        .isInstanceOf(SigmaYamlException.class)
        .satisfies(
            e ->
                assertThat(((SigmaYamlException) e).problems())
                    .singleElement()
                    .asString()
                    .startsWith("broken.yml:"));
  }

  @Test
  void folderConversionReadsEveryYamlFileSoCorrelationsCrossFiles(@TempDir Path dir)
      throws Exception {
    Files.createDirectories(dir.resolve("windows"));
    Files.writeString(
        dir.resolve("windows/base.yml"),
        "title: Base\nid: b1\nlogsource: {product: windows}\n"
            + "detection: {sel: {EventID: 1}, condition: sel}\n");
    Files.writeString(
        dir.resolve("corr.yaml"),
        "title: Count\nid: c1\n"
            + "correlation: {type: event_count, rules: [b1], timespan: 1m, condition: {gte: 2}}\n");
    Files.writeString(dir.resolve("README.md"), "not a rule");

    SigmaConversion c = converter.convert(dir);

    assertThat(c.reports())
        .extracting(RuleReport::source)
        .containsExactly("corr.yaml#1", "windows/base.yml#1");
    assertThat(c.convertedCount()).isEqualTo(2);
  }
}
