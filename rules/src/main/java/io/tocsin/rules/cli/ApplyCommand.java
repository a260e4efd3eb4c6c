package io.tocsin.rules.cli;

import io.tocsin.rules.source.CheckReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * What {@code diff} and {@code push} share: validate DIR locally, then send the whole set to {@code
 * POST /api/v1/policies/apply} (with {@code dry_run} for a diff) and print the plan.
 */
abstract class ApplyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Parameters(paramLabel = "DIR", description = "a policies folder or one policy file")
  Path dir;

  @Option(
      names = "--prune",
      description =
          "also delete the tenant's policies that are not in DIR (built-in pack ones too)")
  boolean prune;

  abstract boolean dryRun();

  /** The exit code once the plan was printed. */
  abstract int exitCode(JsonNode plan);

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckReport report = ValidateCommand.Checks.check(dir, spec);
    if (report == null) {
      return ExitCodes.USAGE;
    }
    if (!report.ok()) {
      ValidateCommand.Checks.printErrors(report, out);
      return ExitCodes.PROBLEMS;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("policies", PolicyBodies.read(dir));
    body.put("prune", prune);
    ServerClient.Response response;
    try {
      response =
          new ServerClient(server)
              .post("/api/v1/policies/apply", Map.of("dry_run", String.valueOf(dryRun())), body);
    } catch (ServerClient.Unreachable e) {
      err.println("tocsin: " + e.getMessage());
      err.flush();
      return ExitCodes.SERVER;
    }
    if (!response.ok() || response.body() == null) {
      err.println("tocsin: the server refused the policy set, nothing was changed");
      err.println(response.error());
      err.flush();
      return response.status() >= 500 || response.body() == null
          ? ExitCodes.SERVER
          : ExitCodes.PROBLEMS;
    }
    Plans.print(response.body(), out);
    out.flush();
    return exitCode(response.body());
  }

  /** Prints an apply plan, {@code git diff --stat} style. */
  static final class Plans {

    private Plans() {}

    static void print(JsonNode plan, PrintWriter out) {
      for (JsonNode id : plan.path("created")) {
        out.println("+ create    " + id.asString());
      }
      for (JsonNode u : plan.path("updated")) {
        StringBuilder changes = new StringBuilder();
        for (JsonNode c : u.path("changes")) {
          changes.append(changes.isEmpty() ? "" : ", ").append(c.asString());
        }
        out.println("~ update    " + u.path("id").asString() + "  (" + changes + ")");
      }
      for (JsonNode id : plan.path("deleted")) {
        out.println("- delete    " + id.asString());
      }
      out.printf(
          "%s: %d to create, %d to update, %d to delete, %d unchanged%n",
          plan.path("dry_run").asBoolean() ? "plan" : "applied",
          plan.path("created").size(),
          plan.path("updated").size(),
          plan.path("deleted").size(),
          plan.path("unchanged").size());
    }

    static boolean changes(JsonNode plan) {
      return plan.path("created").size() + plan.path("updated").size() + plan.path("deleted").size()
          > 0;
    }
  }
}
