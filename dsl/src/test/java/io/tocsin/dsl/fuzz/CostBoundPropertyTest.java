package io.tocsin.dsl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.EvalBudget;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 20: no construct of the language is super-linear in the event's size. Random conditions
 * from the grammar (every string operator, globs and regexes built from the adversarial pieces of
 * the issue, {@code in} sets, functions, nesting) are evaluated on events whose values are long
 * runs of {@code a}; the steps charged to the evaluation budget stay within a generous constant
 * times (condition length) × (value length). A backtracking glob or regex would exceed it by orders
 * of magnitude.
 */
class CostBoundPropertyTest {

  private static final long FACTOR = 16;

  @Property(tries = 300)
  void stepsBoundedByConditionTimesValueSize(
      @ForAll("conditions") String condition, @ForAll @IntRange(min = 0, max = 3000) int size) {
    CheckResult checked = Conditions.check(condition, ConditionContext.EMPTY);
    assertThat(checked.ok()).as(condition + ": " + checked.errors()).isTrue();
    Predicate<Event> p = Interpreter.compile(checked.condition().orElseThrow().root());
    String value = "a".repeat(size);
    Event event =
        Event.fromNested(
            Map.of(
                "file", Map.of("path", "/" + value, "name", value),
                "process",
                    Map.of(
                        "name", value,
                        "command_line", value,
                        "cmd", List.of(value, "-" + value))));
    EvalBudget budget = EvalBudget.start("test", Duration.ofDays(1), System::nanoTime);

    budget.within(() -> p.test(event));

    assertThat(budget.spent())
        .as("steps for %s on %d chars", condition, size)
        .isLessThanOrEqualTo(FACTOR * (condition.length() + 1) * (size + 2));
  }

  @Provide
  Arbitrary<String> conditions() {
    Arbitrary<String> leaf = comparison();
    return Combinators.combine(leaf, leaf, leaf, Arbitraries.of(" and ", " or ", " and not "))
        .as((a, b, c, op) -> "(" + a + op + b + ") or " + c);
  }

  private static Arbitrary<String> comparison() {
    Arbitrary<String> field =
        Arbitraries.of(
            "file.path",
            "file.name",
            "process.name",
            "process.command_line",
            "process.cmd",
            "lower(process.name)",
            "basename(file.path)");
    Arbitrary<String> op =
        Arbitraries.of(
            "==",
            "!=",
            "contains",
            "icontains",
            "startswith",
            "iendswith",
            "endswith",
            "istartswith",
            "glob",
            "matches");
    Arbitrary<List<String>> pattern =
        Arbitraries.of("*a", "a", "?", "**/", "a?", "(?i)", "b", "/", ".*", "aa")
            .list()
            .ofMinSize(1)
            .ofMaxSize(12);
    Arbitrary<String> plain =
        Combinators.combine(field, op, pattern).as(CostBoundPropertyTest::cmp);
    Arbitrary<String> set =
        Combinators.combine(field, Arbitraries.integers().between(1, 50))
            .as(
                (f, n) ->
                    f
                        + " in ("
                        + String.join(
                            ", ",
                            java.util.stream.IntStream.range(0, n)
                                .mapToObj(i -> "'v" + i + "'")
                                .toList())
                        + ")");
    return Arbitraries.oneOf(plain, plain, plain, set);
  }

  /** Glob pieces as they are; for regexes their RE2 counterparts; for the rest literal text. */
  private static String cmp(String field, String op, List<String> pieces) {
    StringBuilder out = new StringBuilder(op.equals("matches") ? "(?i)" : "");
    for (String piece : pieces) {
      out.append(
          switch (op) {
            case "glob" -> piece;
            case "matches" ->
                switch (piece) {
                  case "*a" -> "(?:x*a)";
                  case "?" -> "(?:b?)";
                  case "**/" -> "(?:.*/)";
                  case "a?" -> "(?:a?)";
                  case "(?i)" -> "(?:a|aa)";
                  default -> "(?:" + piece + ")";
                };
            default -> piece.replace("*", "").replace("?", "");
          });
    }
    String p = out.isEmpty() ? "a" : out.toString();
    return field + " " + op + " '" + p.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
