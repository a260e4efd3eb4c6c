package io.tocsin.rules.source;

import io.tocsin.rules.sigma.RuleReport;
import io.tocsin.rules.sigma.SigmaConversion;
import io.tocsin.rules.sigma.SigmaConverter;
import io.tocsin.rules.sigma.SigmaSource;
import io.tocsin.rules.sigma.SigmaYamlException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sigma rules kept in a policies repository: recognised by their top-level {@code detection:} or
 * {@code correlation:} key, converted together (a correlation may name rules of other files), and
 * every rule the importer rejects reported as a problem of its file.
 */
final class SigmaFiles {

  private static final Pattern SIGMA = Pattern.compile("(?m)^(detection|correlation)\\s*:");
  private static final Pattern POSITIONED = Pattern.compile("^(.+?):(\\d+):(\\d+):\\s*(.*)$");

  private SigmaFiles() {}

  static boolean isSigma(String text) {
    return SIGMA.matcher(text).find();
  }

  /** The problems of these Sigma files (name, text): YAML errors, then rejected rules. */
  static List<FileProblem> check(List<SigmaSource> sources) {
    List<FileProblem> problems = new ArrayList<>();
    if (sources.isEmpty()) {
      return problems;
    }
    SigmaConversion conversion;
    try {
      conversion = new SigmaConverter().convert(sources);
    } catch (SigmaYamlException e) {
      e.problems().forEach(p -> problems.add(positioned(p, sources.get(0).name())));
      return problems;
    }
    for (RuleReport report : conversion.reports()) {
      if (!report.converted()) {
        String file = report.source().replaceFirst("#\\d+$", "");
        for (String reason : report.reasons()) {
          String rule = report.title() == null ? "" : "Sigma rule [" + report.title() + "]: ";
          problems.add(new FileProblem(file, 1, 1, true, "SIGMA_REJECTED", rule + reason));
        }
      }
    }
    return problems;
  }

  private static FileProblem positioned(String problem, String fallbackFile) {
    Matcher m = POSITIONED.matcher(problem);
    if (m.matches()) {
      return new FileProblem(
          m.group(1),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          true,
          "SIGMA_YAML",
          m.group(4));
    }
    return new FileProblem(fallbackFile, 1, 1, true, "SIGMA_YAML", problem);
  }
}
