package io.tocsin.rules.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code tocsin diff}: what {@code push} would change on the server. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what push would change on the server.",
      "Validates DIR, then asks the server what pushing it would change (a dry run of",
      "POST /api/v1/policies/apply): policies to create, update (with the changed members) and,",
      "with --prune, delete. Nothing is changed."
    })
final class DiffCommand extends ApplyCommand {

  @Option(names = "--exit-code", description = "exit 1 when there are changes (like git diff)")
  boolean exitCode;

  @Override
  boolean dryRun() {
    return true;
  }

  @Override
  int exitCode(JsonNode plan) {
    return exitCode && Plans.changes(plan) ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }
}
