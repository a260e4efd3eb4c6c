package io.tocsin.rules.cli;

import io.tocsin.rules.sigma.RuleReport;
import io.tocsin.rules.sigma.SigmaConversion;
import io.tocsin.rules.sigma.SigmaConverter;
import io.tocsin.rules.sigma.SigmaYamlException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code tocsin convert sigma DIR}: Sigma rules to Tocsin policy files, with a per-rule report. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = "Convert detection content from other formats to Tocsin policy files.",
    subcommands = {ConvertCommand.Sigma.class})
final class ConvertCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "sigma",
      mixinStandardHelpOptions = true,
      description = {
        "Convert Sigma rules (a file or every *.yml/*.yaml below DIR, correlations included).",
        "Each rule is converted exactly or rejected with its reasons (printed); with --out, each",
        "policy is written as OUT/<policy-id>.yml, ready for tocsin validate/test/push.",
        "Without --out the policies are printed as one JSON array. Exits 1 if a rule was rejected."
      })
  static final class Sigma implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a Sigma rule file or a folder of them")
    Path source;

    @Option(
        names = {"-o", "--out"},
        paramLabel = "OUT",
        description = "folder to write one policy file per converted rule into")
    Path out;

    @Override
    public Integer call() throws IOException {
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter stderr = spec.commandLine().getErr();
      if (!Files.exists(source)) {
        stderr.println("tocsin: no such file or directory: " + source);
        stderr.flush();
        return ExitCodes.USAGE;
      }
      SigmaConversion conversion;
      try {
        conversion = new SigmaConverter().convert(source);
      } catch (SigmaYamlException e) {
        e.problems().forEach(p -> stderr.println(p));
        stderr.flush();
        return ExitCodes.PROBLEMS;
      }
      PrintWriter report = out == null ? stderr : stdout;
      for (RuleReport r : conversion.reports()) {
        if (r.converted()) {
          report.printf("converted %s [%s] -> %s%n", r.source(), r.title(), r.policyId());
          r.notes().forEach(n -> report.printf("  note: %s%n", n));
        } else {
          report.printf("rejected  %s [%s]%n", r.source(), r.title());
          r.reasons().forEach(reason -> report.printf("  reason: %s%n", reason));
        }
      }
      report.printf(
          "%d converted, %d rejected%n", conversion.convertedCount(), conversion.rejectedCount());
      if (out == null) {
        stdout.println(
            JsonMapper.builder()
                .build()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(conversion.policies()));
      } else {
        write(conversion.policies(), out);
        stdout.printf("wrote %d policy files to %s%n", conversion.policies().size(), out);
      }
      stdout.flush();
      report.flush();
      return conversion.rejectedCount() > 0 ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private static void write(List<Map<String, Object>> policies, Path out) throws IOException {
      Files.createDirectories(out);
      YAMLMapper yaml = YAMLMapper.builder().build();
      for (Map<String, Object> policy : policies) {
        String id = String.valueOf(policy.get("id")).replaceAll("[^A-Za-z0-9._-]", "_");
        Files.writeString(out.resolve(id + ".yml"), yaml.writeValueAsString(policy));
      }
    }
  }
}
