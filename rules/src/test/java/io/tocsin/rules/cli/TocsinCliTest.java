package io.tocsin.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code tocsin validate} and {@code tocsin test} on a policies folder: messages and exit codes.
 */
class TocsinCliTest {

  @TempDir Path repo;

  record Run(int exit, String out, String err) {}

  static Run tocsin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TocsinCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  private void file(String name, String text) throws IOException {
    Files.createDirectories(repo.resolve(name).getParent());
    Files.writeString(repo.resolve(name), text);
  }

  static final String GOOD =
      """
      id: nc-exec
      name: Netcat with -e
      tags: [attack.t1059.004]
      rules:
        - id: r1
          condition: process.name == 'nc' and process.cmd contains '-e'
          severity: high
      samples:
        positive:
          - {event: {type: process}, process: {name: nc, cmd: [nc, -e, /bin/sh]}}
        negative:
          - {event: {type: process}, process: {name: nc, cmd: [nc, -z, db, '5432']}}
      """;

  @Test
  void validateCleanFolderThenZero() throws IOException {
    file("linux/nc.yml", GOOD);

    Run run = tocsin("validate", repo.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("1 policies checked: 0 error(s), 0 warning(s)");
  }

  @Test
  void validateWhenWrongTypeThenApisStrictnessAtTheMembersLine() throws IOException {
    file(
        "typed.yml",
        """
        id: typed
        name: Typed
        enabled: "yes"
        rules:
          - id: r1
            condition: process.name == 'x'
        """);

    Run run = tocsin("validate", repo.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "typed.yml:3:10: error: enabled must be a boolean, got the string [yes] (INVALID_TYPE)");
  }

  @Test
  void schemaThenPrintsThePublishedSchema() {
    Run run = tocsin("schema");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(io.tocsin.engine.format.PolicySchema.json());
  }

  @Test
  void validateReportsEveryProblemWithFileLineColumn() throws IOException {
    file(
        "bad.yml",
        """
        id: bad
        name: Bad
        rules:
          - id: r1
            condition: process.nme == 'x'
            severity: hihg
            treshold: {count: 5}
        """);
    file("broken.yml", "id: broken\nrules: [\n");

    Run run = tocsin("validate", repo.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "bad.yml:5:16: error: rules[0].condition line 1:1: unknown field [process.nme],"
                + " did you mean [process.name]? (UNKNOWN_FIELD)")
        .contains("bad.yml:6:15: error:")
        .contains(
            "bad.yml:7:15: error: unknown member [treshold], did you mean [threshold]?"
                + " (UNKNOWN_MEMBER)")
        .contains("broken.yml:3:1: error:")
        .contains("error(s)");
  }

  @Test
  void validateFindsPositionInsideFoldedCondition() throws IOException {
    file(
        "folded.yml",
        """
        id: folded
        name: Folded
        rules:
          - id: r1
            condition: >-
              process.name == 'x'
              and lowr(process.exe) == 'y'
        """);

    Run run = tocsin("validate", repo.toString());

    assertThat(run.out()).contains("folded.yml:7:11: error:").contains("unknown function [lowr]");
  }

  @Test
  void duplicateIdsAcrossFilesAreAnError() throws IOException {
    file("a.yml", GOOD);
    file("b.yml", GOOD);

    Run run = tocsin("validate", repo.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("b.yml:1:5: error: policy id [nc-exec] is also used by a.yml");
  }

  @Test
  void listsAndMacrosFilesAreUsed() throws IOException {
    file("lists.yml", "shells: [bash, sh]\n");
    file("macros.yml", "is_shell: process.name in shells\n");
    file("p.yml", GOOD.replace("process.name == 'nc' and process.cmd contains '-e'", "is_shell"));

    assertThat(tocsin("validate", repo.toString()).exit()).isZero();
  }

  @Test
  void testPassingSamplesThenZeroWithPassLines() throws IOException {
    file("linux/nc.yml", GOOD);

    Run run = tocsin("test", repo.toString());

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("PASS nc-exec positive[0] (fired r1)")
        .contains("PASS nc-exec negative[0]")
        .contains("1 policies, 2 samples: 2 passed, 0 failed");
  }

  @Test
  void testFailingSampleThenOneWithReason() throws IOException {
    file("linux/nc.yml", GOOD.replace("cmd: [nc, -z, db, '5432']", "cmd: [nc, -e, /bin/bash]"));

    Run run = tocsin("test", "-q", repo.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "FAIL nc-exec negative[0] (linux/nc.yml): expected no detection, rule(s) [r1] fired")
        .doesNotContain("PASS");
  }

  @Test
  void testRunsThresholdAndSequenceCorrelation() throws IOException {
    file(
        "burst.yml",
        """
        id: burst
        name: Burst
        tags: [attack.t1110]
        rules:
          - id: r1
            condition: auth.result == 'failure'
            threshold: {count: 5, within: 1m, group_by: [user.name]}
          - id: r2
            condition: event.type == 'auth'
            sequence:
              by: [user.name]
              within: 5m
              steps: ["auth.result == 'failure'", "auth.result == 'success'"]
        samples:
          positive:
            - {event: {type: auth}, user: {name: bob}, auth: {result: failure}}
            - events:
                - {event: {type: auth}, user: {name: eve}, auth: {result: failure}}
                - {event: {type: auth}, user: {name: eve}, auth: {result: success}}
              repeat: 1
          negative:
            - events: [{event: {type: auth}, user: {name: bob}, auth: {result: failure}}]
              repeat: 4
        """);

    Run run = tocsin("test", repo.toString());

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("PASS burst positive[0] (fired r1)");
    assertThat(run.out()).contains("PASS burst positive[1] (fired r2)");
  }

  @Test
  void testRefusesInvalidFolderAndMissingDirIsUsageError() throws IOException {
    file("bad.yml", "id: bad\nname: Bad\nrules: [{id: r1, condition: \"process.nme == 'x'\"}]\n");

    assertThat(tocsin("test", repo.toString()).exit()).isEqualTo(1);
    Run missing = tocsin("validate", repo.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or directory");
    assertThat(tocsin("validate").exit()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"validate", "test", "diff", "push", "backtest", "convert", "convert sigma"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").split(" ");
    Run run = tocsin(args);

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Usage: tocsin " + command);
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    Run run = tocsin("--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("validate", "test", "diff", "push", "backtest", "Exit codes:");
  }

  @Test
  void remoteCommandWithoutServerIsUsageError() throws IOException {
    file("a.yml", GOOD);

    Run run = tocsin("push", repo.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--server");
  }

  static final String SIGMA_RULE =
      """
      title: Whoami from a web server
      id: 9f1c2d3e-0000-4000-8000-000000000001
      level: high
      tags: [attack.t1033]
      logsource: {category: process_creation, product: linux}
      detection:
        selection:
          Image|endswith: /whoami
          ParentImage|endswith: [/nginx, /httpd]
        condition: selection
      """;

  @Test
  void convertSigmaWritesPolicyFilesThatValidate() throws IOException {
    file("sigma/whoami.yml", SIGMA_RULE);
    Path out = repo.resolve("converted");

    Run convert =
        tocsin("convert", "sigma", repo.resolve("sigma").toString(), "--out", out.toString());

    assertThat(convert.exit()).as(convert.toString()).isZero();
    assertThat(convert.out())
        .contains("converted whoami.yml#1 [Whoami from a web server] -> sigma-9f1c2d3e");
    assertThat(convert.out()).contains("1 converted, 0 rejected");
    try (var files = Files.list(out)) {
      assertThat(files.toList()).hasSize(1);
    }
    Run validate = tocsin("validate", out.toString());
    assertThat(validate.exit()).as(validate.toString()).isZero();
  }

  @Test
  void validateChecksSigmaFilesAndReportsRejectedRulesAtTheirFile() throws IOException {
    file("rules/whoami.yml", SIGMA_RULE);
    file(
        "rules/unknown-placeholder.yml",
        SIGMA_RULE
            .replace("9f1c2d3e-0000-4000-8000-000000000001", "9f1c2d3e-0000-4000-8000-000000000002")
            .replace("ParentImage|endswith: [/nginx, /httpd]", "User|expand: '%web_users%'"));

    Run run = tocsin("validate", repo.resolve("rules").toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .contains("unknown-placeholder.yml:1:1: error: Sigma rule [Whoami from a web server]")
        .contains("%web_users%")
        .doesNotContain("whoami.yml:1:1");
  }
}
