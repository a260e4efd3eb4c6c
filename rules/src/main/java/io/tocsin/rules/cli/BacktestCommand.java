package io.tocsin.rules.cli;

import io.tocsin.rules.source.CheckReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code tocsin backtest FILE}: run a policy file over the server's stored events. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Run a policy file over the server's stored events.",
      "Validates FILE, then runs it over the events the server stored (POST",
      "/api/v1/policies/backtest) and prints the alerts it would have raised. Nothing is written."
    })
final class BacktestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Parameters(paramLabel = "FILE", description = "one policy file")
  Path file;

  @Option(
      names = "--from",
      description = "start of the range, ISO-8601 (default: 24 h before --to)")
  String from;

  @Option(names = "--to", description = "end of the range, ISO-8601 (default: now)")
  String to;

  @Option(names = "--limit", description = "at most this many events (server default 10000)")
  Integer limit;

  @Option(names = "--json", description = "print the server's JSON response")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckReport report = ValidateCommand.Checks.check(file, spec);
    if (report == null) {
      return ExitCodes.USAGE;
    }
    if (!report.ok()) {
      ValidateCommand.Checks.printErrors(report, out);
      return ExitCodes.PROBLEMS;
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("start_time", from);
    query.put("end_time", to);
    query.put("limit", limit == null ? null : limit.toString());
    ServerClient.Response response;
    try {
      response =
          new ServerClient(server)
              .post("/api/v1/policies/backtest", query, PolicyBodies.body(file));
    } catch (ServerClient.Unreachable e) {
      err.println("tocsin: " + e.getMessage());
      err.flush();
      return ExitCodes.SERVER;
    }
    if (!response.ok() || response.body() == null) {
      err.println("tocsin: backtest refused");
      err.println(response.error());
      err.flush();
      return response.status() >= 500 || response.body() == null
          ? ExitCodes.SERVER
          : ExitCodes.PROBLEMS;
    }
    JsonNode body = response.body();
    if (json) {
      out.println(body.toPrettyString());
    } else {
      for (JsonNode a : body.path("alerts")) {
        out.printf(
            "%s %-8s %s/%s host=%s count=%d first_seen=%s%n",
            a.path("last_seen").asString(),
            a.path("severity").asString(),
            a.path("policy_id").asString(),
            a.path("rule_id").asString(),
            a.path("host_id").asString(""),
            a.path("count").asLong(),
            a.path("first_seen").asString());
      }
      out.printf(
          "%d alert(s) from %d event(s) between %s and %s%s in %d ms%n",
          body.path("alerts_total").asInt(),
          body.path("events_scanned").asInt(),
          body.path("start_time").asString(),
          body.path("end_time").asString(),
          body.path("truncated").asBoolean() ? " (event limit reached)" : "",
          body.path("took").asLong());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
