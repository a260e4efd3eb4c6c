package io.tocsin.rules.cli;

import io.tocsin.engine.format.PolicySchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tocsin schema}: the policy document's JSON Schema, the one the server publishes. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema (draft 2020-12) of the policy document, for editors and CI.",
      "Same text as GET /api/v1/policies/schema; conditions are checked by validate, not by it."
    })
final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "write the schema to FILE instead of printing it")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (out == null) {
      spec.commandLine().getOut().print(PolicySchema.json());
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, PolicySchema.json(), StandardCharsets.UTF_8);
    }
    return ExitCodes.OK;
  }
}
