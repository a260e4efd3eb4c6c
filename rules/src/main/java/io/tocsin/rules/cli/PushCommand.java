package io.tocsin.rules.cli;

import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code tocsin push}: apply DIR to the server, all or nothing. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Apply a policies folder to the server, all or nothing.",
      "Validates DIR, then applies it to the server atomically (POST /api/v1/policies/apply):",
      "the whole set is validated together with the tenant's other policies, lists and macros,",
      "and either every change is applied or none is. Exits 1 when the server refuses the set."
    })
final class PushCommand extends ApplyCommand {

  @Override
  boolean dryRun() {
    return false;
  }

  @Override
  int exitCode(JsonNode plan) {
    return ExitCodes.OK;
  }
}
