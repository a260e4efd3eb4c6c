package io.tocsin.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  @Test
  void compileThrowsWithEveryProblemRendered() {
    assertThatThrownBy(
            () ->
                Conditions.compile(
                    "process.nme == 'x' and lowr(user.name) == 'y'", ConditionContext.EMPTY))
        .isInstanceOf(ConditionException.class)
        .hasMessage(
            "Found 2 problems\n"
                + "line 1:1: unknown field [process.nme], did you mean [process.name]?\n"
                + "line 1:24: unknown function [lowr], did you mean [lower]?")
        .satisfies(
            e ->
                assertThat(((ConditionException) e).diagnostics())
                    .extracting(Diagnostic::code)
                    .containsExactly("UNKNOWN_FIELD", "UNKNOWN_FUNCTION"));
  }

  @Test
  void checkReportsUsedNames() {
    ConditionContext ctx =
        ConditionContext.of(
            Map.of("domains", List.of("a.example")),
            Map.of("shell", "process.name in ('sh') and user.name exists"));
    CheckedCondition c = Conditions.compile("shell and file.destination in domains", ctx);
    assertThat(c.fields())
        .containsExactlyInAnyOrder("process.name", "user.name", "file.destination");
    assertThat(c.lists()).containsExactly("domains");
    assertThat(c.macros()).containsExactly("shell");
    assertThat(c.text()).isEqualTo("shell and file.destination in domains");
  }

  @Test
  void warningsDoNotFail() {
    CheckResult r = Conditions.check("user.name in ()", ConditionContext.EMPTY);
    assertThat(r.ok()).isTrue();
    assertThat(r.warnings()).extracting(Diagnostic::code).containsExactly("EMPTY_LIST");
  }

  @Test
  void emptyAndNullConditions() {
    assertThat(Conditions.check("", ConditionContext.EMPTY).diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("line 1:1: condition is empty");
    assertThat(Conditions.check(null, null).ok()).isFalse();
  }

  @Test
  void tooLong() {
    String longest = "user.name == '" + "x".repeat(Limits.MAX_LENGTH - 15) + "'";
    assertThat(Conditions.check(longest, ConditionContext.EMPTY).ok()).isTrue();
    CheckResult r = Conditions.check(longest + " ", ConditionContext.EMPTY);
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("TOO_LONG");
  }

  @Test
  void tooDeepNotChainAndParens() {
    String nots = "not ".repeat(Limits.MAX_DEPTH) + "user.name == 'x'";
    assertThat(Conditions.check(nots, ConditionContext.EMPTY).ok()).isTrue();
    assertThat(Conditions.check("not " + nots, ConditionContext.EMPTY).errors())
        .extracting(Diagnostic::code)
        .containsExactly("TOO_DEEP");
    String parens = "(".repeat(30_000) + "user.name == 'x'" + ")".repeat(30_000);
    assertThat(Conditions.check(parens, ConditionContext.EMPTY).errors())
        .extracting(Diagnostic::code)
        .containsExactly("TOO_DEEP");
    String calls = "lower(".repeat(5_000) + "user.name" + ")".repeat(5_000) + " == 'x'";
    assertThat(Conditions.check(calls, ConditionContext.EMPTY).errors())
        .extracting(Diagnostic::code)
        .containsExactly("TOO_DEEP");
  }

  @Test
  void longFlatConditionsAreFine() {
    String ors = String.join(" or ", java.util.Collections.nCopies(3000, "user.name == 'x'"));
    assertThat(Conditions.check(ors, ConditionContext.EMPTY).ok()).isTrue();
  }

  @Test
  void macroChainsAreBounded() {
    Map<String, String> macros = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      macros.put("m" + i, "m" + (i + 1) + " or user.name == 'x'");
    }
    macros.put("m50", "user.name == 'y'");
    CheckResult r = Conditions.check("m0", ConditionContext.of(Map.of(), macros));
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("TOO_DEEP");
  }

  /** A macro doubling at every level would expand to 2^40 nodes. */
  @Test
  void exponentialMacroExpansionIsRejected() {
    Map<String, String> macros = new HashMap<>();
    for (int i = 0; i < 15; i++) {
      macros.put("d" + i, "d" + (i + 1) + " and d" + (i + 1) + " and d" + (i + 1));
    }
    macros.put("d15", "user.name == 'x'");
    CheckResult r = Conditions.check("d0", ConditionContext.of(Map.of(), macros));
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("TOO_COMPLEX");
  }

  /** re2j has no program-size bound: this pattern alone took 20 s and 512 MB before the check. */
  @Test
  void nestedRegexRepetitionIsRejectedNotCompiled() {
    CheckResult r =
        Conditions.check(
            "process.name matches '((((a{100}){100}){100}){100})'", ConditionContext.EMPTY);
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("INVALID_REGEX");
    assertThat(Conditions.check("process.name matches '(a{100}){50}'", ConditionContext.EMPTY).ok())
        .isTrue();
    assertThat(
            Conditions.check("process.name matches '[a{5}]{1000}x{1000}'", ConditionContext.EMPTY)
                .ok())
        .isTrue();
  }

  @Test
  void diagnosticRendering() {
    Diagnostic d = Diagnostic.error("UNKNOWN_FIELD", 2, 7, "unknown field [x]");
    assertThat(d).hasToString("line 2:7: unknown field [x]");
  }

  @Test
  void positionsOnLaterLines() {
    CheckResult r =
        Conditions.check("user.name == 'a'\n  and process.nme == 'b'", ConditionContext.EMPTY);
    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("line 2:7: unknown field [process.nme], did you mean [process.name]?");
  }
}
