package io.tocsin.rules.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tocsin}: the entry point. To add a subcommand, write one {@code @Command} class (see
 * {@link ValidateCommand}) and list it in {@code subcommands} below.
 */
@Command(
    name = "tocsin",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    description =
        "Detection-as-code for Tocsin: validate, test, diff, push and backtest policies; convert"
            + " Sigma rules.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      TestCommand.class,
      DiffCommand.class,
      PushCommand.class,
      BacktestCommand.class,
      ConvertCommand.class,
      SchemaCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:problems found (invalid policies, failing samples, refused by the server)",
      "2:usage error",
      "3:server unreachable or unexpected server error"
    })
public final class TocsinCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A configured command line (tests call {@code execute} on it with their own writers). */
  public static CommandLine commandLine() {
    return new CommandLine(new TocsinCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
