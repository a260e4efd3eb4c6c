package io.tocsin.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.TestContexts;
import io.tocsin.dsl.mongo.StoredEvents;
import io.tocsin.model.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code src/test/resources/eval/semantics.txt}: {@code expected ;; event ;; condition} per
 * line, the event in MongoDB extended JSON as it is stored.
 */
class SemanticsTest {

  record Case(int line, boolean expected, String event, String condition) {}

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = SemanticsTest.class.getResourceAsStream("/eval/semantics.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank() || lines[i].startsWith("--")) {
          continue;
        }
        String[] parts = lines[i].split(" ;; ", 3);
        Case c = new Case(i + 1, Boolean.parseBoolean(parts[0]), parts[1], parts[2]);
        out.add(Arguments.of(Named.of(c.line() + ": " + c.condition() + " on " + c.event(), c)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void evaluates(Case c) {
    Event event = StoredEvents.toEvent(Document.parse(c.event()));
    var checked = Conditions.compile(c.condition(), TestContexts.TENANT);
    assertThat(Interpreter.compile(checked.root()).test(event))
        .as("line %d: %s on %s", c.line(), c.condition(), event)
        .isEqualTo(c.expected());
  }
}
