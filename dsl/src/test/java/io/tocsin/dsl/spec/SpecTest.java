package io.tocsin.dsl.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.TestContexts;
import io.tocsin.dsl.ast.AstPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the golden files in {@code src/test/resources/spec}. Each case is a condition line followed
 * by {@code => resolved tree} or by one line per diagnostic: {@code !! } for errors and {@code ~~ }
 * for warnings, as {@code CODE line L:C: message}. Lines starting with {@code --} are comments.
 */
class SpecTest {

  static final String[] FILES = {
    "operators.spec",
    "literals.spec",
    "search.spec",
    "functions.spec",
    "names.spec",
    "errors.spec",
    "limits.spec",
    "sigma-operators.spec"
  };

  static final ConditionContext CONTEXT = TestContexts.TENANT;

  record Case(
      String file, int line, List<String> comments, String condition, List<String> expected) {}

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String file : FILES) {
      for (Case c : read(file)) {
        out.add(Arguments.of(Named.of(file + ":" + c.line() + " " + c.condition(), c)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void spec(Case c) {
    CheckResult result = Conditions.check(c.condition(), CONTEXT);
    List<String> actual = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      actual.add((d.isError() ? "!! " : "~~ ") + d.code() + " " + d);
    }
    result.condition().ifPresent(cc -> actual.add("=> " + AstPrinter.render(cc.root())));
    assertThat(actual).as(c.file() + ":" + c.line()).containsExactlyElementsOf(c.expected());
  }

  /** Regenerates the expectations from the current output: {@code -Dspec.update=true}. */
  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "spec.update", matches = "true")
  void update() throws IOException {
    for (String file : FILES) {
      StringBuilder out = new StringBuilder();
      java.nio.file.Path path = java.nio.file.Path.of("src/test/resources/spec", file);
      for (Case c : read(file)) {
        out.append(out.length() == 0 ? "" : "\n");
        c.comments().forEach(comment -> out.append(comment).append("\n"));
        out.append(c.condition().replace("\n", "\\n")).append("\n");
        CheckResult result = Conditions.check(c.condition(), CONTEXT);
        for (Diagnostic d : result.diagnostics()) {
          out.append(d.isError() ? "!! " : "~~ ")
              .append(d.code())
              .append(" ")
              .append(d)
              .append("\n");
        }
        result
            .condition()
            .ifPresent(cc -> out.append("=> ").append(AstPrinter.render(cc.root())).append("\n"));
      }
      java.nio.file.Files.writeString(path, out.toString());
    }
  }

  static List<Case> read(String file) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = SpecTest.class.getResourceAsStream("/spec/" + file)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
      String condition = null;
      int start = 0;
      List<String> expected = new ArrayList<>();
      List<String> comments = new ArrayList<>();
      for (int i = 0; i <= lines.length; i++) {
        String line = i < lines.length ? lines[i] : "";
        if (line.startsWith("--")) {
          if (condition == null) {
            comments.add(line);
          }
          continue;
        }
        if (line.isBlank()) {
          if (condition != null) {
            cases.add(
                new Case(file, start, List.copyOf(comments), condition, List.copyOf(expected)));
            comments.clear();
          }
          condition = null;
          expected.clear();
        } else if (condition == null) {
          condition = line.replace("\\n", "\n");
          start = i + 1;
        } else {
          expected.add(line);
        }
      }
    }
    return cases;
  }
}
