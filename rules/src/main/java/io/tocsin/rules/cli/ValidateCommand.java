package io.tocsin.rules.cli;

import io.tocsin.rules.source.CheckReport;
import io.tocsin.rules.source.FileProblem;
import io.tocsin.rules.source.PolicyDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tocsin validate DIR}: every problem of every policy file, compiler style. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check policy files; every problem as file:line:col.",
      "Checks policy files (*.yml, *.yaml, *.json below DIR) as the server would: shape,",
      "conditions, fields, lists and macros (DIR/lists.yml, DIR/macros.yml), correlation.",
      "Prints every problem as file:line:col; exits 1 when there is an error."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "a policies folder or one policy file")
  Path dir;

  @Option(
      names = "--warnings-as-errors",
      description = "exit 1 on warnings too (unused lists, duplicate values)")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CheckReport report = Checks.check(dir, spec);
    if (report == null) {
      return ExitCodes.USAGE;
    }
    report.problems().forEach(out::println);
    long warnings = report.problems().size() - report.errorCount();
    out.printf(
        "%d policies checked: %d error(s), %d warning(s)%n",
        report.policies().size(), report.errorCount(), warnings);
    out.flush();
    boolean failed = !report.ok() || (strict && warnings > 0);
    return failed ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  /** Shared by the commands that read a policies folder. */
  static final class Checks {

    private Checks() {}

    /** The report, or null (after printing why) when DIR does not exist. */
    static CheckReport check(Path dir, CommandSpec spec) {
      try {
        return PolicyDirectory.check(dir);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("tocsin: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return null;
      }
    }

    static void printErrors(CheckReport report, PrintWriter out) {
      report.problems().stream().filter(FileProblem::error).forEach(out::println);
      out.printf("%d error(s): fix them first (tocsin validate)%n", report.errorCount());
      out.flush();
    }
  }
}
