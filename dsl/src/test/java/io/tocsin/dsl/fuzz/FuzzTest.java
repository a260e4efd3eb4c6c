package io.tocsin.dsl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.CheckedCondition;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.ConditionException;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.dsl.mongo.MongoTranslator;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Random and mutated input only ever yields the language's own diagnostics: {@code check} never
 * throws, {@code compile} throws only {@link ConditionException}, nothing hangs, and whatever
 * compiles also evaluates and translates.
 */
class FuzzTest {

  private static final ConditionContext CONTEXT =
      ConditionContext.of(
          Map.of("nets", List.of("10.0.0.0/8", "::1"), "names", List.of("a", "b")),
          Map.of("m", "process.name == 'x'", "loop", "loop or m", "bad", "process.nme =="));

  private static final List<String> TOKENS =
      List.of(
          "process.name",
          "file.size",
          "network.source.ip",
          "ts",
          "labels",
          "process.cmd",
          "payload.x",
          "==",
          "!=",
          "<",
          ">=",
          "=",
          "!",
          "&&",
          "||",
          "and",
          "or",
          "not",
          "in",
          "not in",
          "exists",
          "contains",
          "icontains",
          "matches",
          "glob",
          "startswith",
          ":",
          ":>",
          "(",
          ")",
          ",",
          "'",
          "\"",
          "'x'",
          "\"a\\\"b\"",
          "'\\u12'",
          "'(?i)a+'",
          "'(a'",
          "'**/x'",
          "5",
          "-5",
          "1.5",
          "99999999999999999999",
          "100MB",
          "1.5GiB",
          "5m",
          "10ms",
          "10.0.0.0/8",
          "fe80::/10",
          "::1",
          "10.0.0.1",
          "true",
          "FALSE",
          "power*",
          "cmd.exe",
          "lower(",
          "len(",
          "basename(",
          "nets",
          "names",
          "m",
          "loop",
          "bad",
          "#",
          "\n",
          " ",
          "\\",
          "*",
          "?",
          "é",
          "\u0000",
          "\uD83D\uDE00",
          "\uD800",
          "1e10",
          "@",
          "$",
          "0x1F");

  private static final Event SAMPLE =
      Event.of(
          Map.of(
              "process.name",
              "cmd.exe",
              "file.size",
              5L,
              "network.source.ip",
              "10.1.2.3",
              "ts",
              Instant.parse("2024-05-01T00:00:00Z"),
              "labels",
              List.of("a", "b"),
              "process.cmd",
              List.of("x", "-nop"),
              "payload.x",
              1.5));

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS)
        .list()
        .ofMaxSize(25)
        .map(tokens -> String.join(new Random(tokens.size()).nextBoolean() ? " " : "", tokens));
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().all().ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> mutants() {
    return Arbitraries.longs().map(FuzzTest::mutant);
  }

  @net.jqwik.api.Example
  void seedsAreValid() {
    Seeds.CONDITIONS.forEach(
        c -> assertThat(Conditions.check(c, CONTEXT).errors()).as(c).isEmpty());
  }

  @Property(tries = 600, shrinking = ShrinkingMode.OFF)
  void tokenSoupYieldsOnlyDiagnostics(@ForAll("tokenSoup") String input) {
    survives(input);
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void randomCharactersYieldOnlyDiagnostics(@ForAll("noise") String input) {
    survives(input);
  }

  @Property(tries = 600, shrinking = ShrinkingMode.OFF)
  void mutatedConditionsYieldOnlyDiagnostics(@ForAll("mutants") String input) {
    survives(input);
  }

  static void survives(String input) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30), // a hang guard, not a speed target: generous on a busy machine
        () -> {
          CheckResult result = Conditions.check(input, CONTEXT);
          assertThat(result.ok()).isEqualTo(result.errors().isEmpty());
          result.diagnostics().forEach(d -> assertThat(d.line()).isPositive());
          try {
            CheckedCondition c = Conditions.compile(input, CONTEXT);
            Interpreter.compile(c.root()).test(SAMPLE);
            MongoTranslator.translate(c);
          } catch (ConditionException e) {
            assertThat(result.ok()).isFalse();
            assertThat(e.diagnostics()).isNotEmpty().allMatch(d -> d.isError());
          }
        },
        () -> "hangs on: " + input);
  }

  private static String mutant(long seed) {
    Random r = new Random(seed);
    String base = io.tocsin.dsl.fuzz.Seeds.pick(r);
    StringBuilder s = new StringBuilder(base);
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(4)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, TOKENS.get(r.nextInt(TOKENS.size())));
        case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + r.nextInt(8))));
        default -> s.setCharAt(at, (char) r.nextInt(128));
      }
    }
    return s.toString();
  }
}
