package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.rules.cli.TocsinCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code tocsin} CLI's remote commands against this server over real HTTP. */
class TocsinCliServerTest extends DetectionApiTest {

  @TempDir Path repo;

  record Run(int exit, String out, String err) {}

  private Run tocsin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TocsinCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private void file(String name, String text) throws IOException {
    Files.createDirectories(repo.resolve(name).getParent());
    Files.writeString(repo.resolve(name), text);
  }

  private static String policyFile(String id, String condition) {
    return "id: "
        + id
        + "\nname: CLI policy "
        + id
        + "\ntags: [attack.t1059]\nrules:\n  - id: r1\n    condition: \""
        + condition
        + "\"\n    severity: high\nsamples:\n  positive:\n    - {event: {type: process}, process: {name: nc}}\n  negative:\n    - {event: {type: process}, process: {name: ls}}\n";
  }

  @Test
  void diffThenPushThenDiffShowsNothingLeft() throws IOException {
    Tenant t = newTenant();
    String token = login(userWithRole(t.admin(), "detection_engineer").username(), PASSWORD);
    file("linux/nc.yml", policyFile("cli-nc", "process.name == 'nc'"));
    file(
        "linux/socat.yml",
        policyFile("cli-socat", "process.name == 'socat'").replace("name: nc}", "name: socat}"));
    String server = "http://localhost:" + port;

    Run diff = tocsin("diff", "--server", server, "--token", token, repo.toString());

    assertThat(diff.exit()).as(diff.toString()).isZero();
    assertThat(diff.out()).contains("+ create    cli-nc").contains("plan: 2 to create");
    assertThat(ok(t.viewer().get("/api/v1/policies")).body().path("total").asInt()).isZero();

    Run push = tocsin("push", "--server", server, "--token", token, repo.toString());

    assertThat(push.exit()).as(push.toString()).isZero();
    assertThat(push.out()).contains("applied: 2 to create");
    assertThat(ok(t.viewer().get("/api/v1/policies/cli-nc")).body().path("name").asString())
        .isEqualTo("CLI policy cli-nc");

    file("linux/nc.yml", policyFile("cli-nc", "process.name == 'ncat'"));
    Run changed =
        tocsin("diff", "--exit-code", "--server", server, "--token", token, repo.toString());
    assertThat(changed.exit()).isEqualTo(1);
    assertThat(changed.out()).contains("~ update    cli-nc  (rules[r1].condition)");
  }

  @Test
  void serverRefusalThenExitOneAndNothingChanged() throws IOException {
    Tenant t = newTenant();
    String token = login(userWithRole(t.admin(), "detection_engineer").username(), PASSWORD);
    // valid locally (the list is in lists.yml) but the tenant has no such list
    file("lists.yml", "lab_hosts: [lab-1]\n");
    file("a.yml", policyFile("cli-a", "host_id in lab_hosts"));

    Run push =
        tocsin("push", "--server", "http://localhost:" + port, "--token", token, repo.toString());

    assertThat(push.exit()).isEqualTo(1);
    assertThat(push.err()).contains("nothing was changed").contains("VALIDATION_ERROR");
    assertThat(ok(t.viewer().get("/api/v1/policies")).body().path("total").asInt()).isZero();
  }

  @Test
  void badTokenThenOneAndUnreachableThenThree() throws IOException {
    file("a.yml", policyFile("cli-a", "process.name == 'nc'"));

    Run bad =
        tocsin("diff", "--server", "http://localhost:" + port, "--token", "nope", repo.toString());
    Run down = tocsin("diff", "--server", "http://127.0.0.1:1", "--token", "x", repo.toString());

    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("AUTHENTICATION_ERROR");
    assertThat(down.exit()).isEqualTo(3);
    assertThat(down.err()).contains("cannot reach");
  }

  @Test
  void backtestRunsTheFileOverStoredEvents() throws IOException {
    Tenant t = newTenant();
    String token = login(userWithRole(t.admin(), "detection_engineer").username(), PASSWORD);
    assertThat(
            t.engineer()
                .post(
                    "/api/v1/events",
                    List.of(
                        Map.of(
                            "event",
                            Map.of("type", "process"),
                            "host_id",
                            "h1",
                            "process",
                            Map.of("name", "nc")),
                        Map.of(
                            "event",
                            Map.of("type", "process"),
                            "host_id",
                            "h1",
                            "process",
                            Map.of("name", "ls"))))
                .status())
        .isBetween(200, 202);
    file("nc.yml", policyFile("cli-bt", "process.name == 'nc'"));

    Run run =
        tocsin(
            "backtest",
            "--server",
            "http://localhost:" + port,
            "--token",
            token,
            repo.resolve("nc.yml").toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("cli-bt/r1").contains("1 alert(s) from 2 event(s)");
  }
}
