package io.tocsin.rules.cli;

import io.tocsin.rules.PackPolicy;
import io.tocsin.rules.samples.SampleResult;
import io.tocsin.rules.samples.SampleRunner;
import io.tocsin.rules.source.CheckReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tocsin test DIR}: each policy's samples through the real engine, offline. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run each policy's sample events through the engine, offline.",
      "Validates DIR, then replays each policy's samples (samples.positive / samples.negative)",
      "through the real detection engine with correlation (threshold, sequence, absence),",
      "offline. A positive must fire the policy, a negative must not. Exits 1 on any failure."
    })
final class TestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "a policies folder or one policy file")
  Path dir;

  @Option(names = "--require-samples", description = "fail policies that have no samples")
  boolean requireSamples;

  @Option(
      names = {"-q", "--quiet"},
      description = "print failures and the summary only")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CheckReport report = ValidateCommand.Checks.check(dir, spec);
    if (report == null) {
      return ExitCodes.USAGE;
    }
    if (!report.ok()) {
      ValidateCommand.Checks.printErrors(report, out);
      return ExitCodes.PROBLEMS;
    }
    SampleRunner runner = new SampleRunner();
    int passed = 0;
    int failed = 0;
    for (PackPolicy policy : report.policies()) {
      String id = policy.definition().id();
      if (policy.positive().isEmpty() && policy.negative().isEmpty()) {
        if (requireSamples) {
          failed++;
          out.printf("FAIL %s (%s): no samples%n", id, policy.resource());
        } else if (!quiet) {
          out.printf("SKIP %s (%s): no samples%n", id, policy.resource());
        }
        continue;
      }
      List<SampleResult> results = runner.run(policy, report.lists(), report.macros());
      for (SampleResult r : results) {
        if (r.passed()) {
          passed++;
          if (!quiet) {
            out.printf("PASS %s %s%s%n", id, r.label(), fired(r));
          }
        } else {
          failed++;
          out.printf("FAIL %s %s (%s): %s%n", id, r.label(), policy.resource(), r.message());
        }
      }
    }
    out.printf(
        "%d policies, %d samples: %d passed, %d failed%n",
        report.policies().size(), passed + failed, passed, failed);
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  private static String fired(SampleResult r) {
    return r.firedRules().isEmpty() ? "" : " (fired " + String.join(", ", r.firedRules()) + ")";
  }
}
