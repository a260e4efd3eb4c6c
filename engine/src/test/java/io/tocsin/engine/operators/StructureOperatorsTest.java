package io.tocsin.engine.operators;

import static io.tocsin.engine.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Agreement;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** exists, not, and/or nesting (bounded DNF), functions, arrays and missing fields. */
class StructureOperatorsTest {

  private final List<Event> events =
      List.of(
          event(1, "process.name", "CMD.exe", "process.hash", "abc", "labels", List.of("prod")),
          event(2, "process.name", "cmd.exe", "user.name", "bob"),
          event(3, "process.exe", "C:\\Windows\\System32\\cmd.exe", "labels", List.of()),
          event(4, "event.type", "process", "process.name", "rundll32.exe"));

  @Test
  void booleanStructureAndFunctionsAgreeWithTheInterpreter() {
    var hits =
        Agreement.check(
            List.of(
                "process.hash exists",
                "not process.hash exists",
                "lower(process.name) == 'cmd.exe'",
                "(process.name == 'cmd.exe' or process.name == 'rundll32.exe') and not user.name"
                    + " == 'bob'",
                "labels == 'prod'",
                "labels exists",
                "event.type == 'process' and process.name in ('rundll32.exe', 'regsvr32.exe')",
                "user.name != 'bob'",
                "not (user.name == 'bob')"),
            events,
            Map.of());
    assertThat(hits.get(0)).containsExactly(0);
    assertThat(hits.get(2)).containsExactly(0, 1);
    assertThat(hits.get(3)).containsExactly(3);
    assertThat(hits.get(4)).containsExactly(0);
    assertThat(hits.get(6)).containsExactly(3);
    // a comparison on a missing field is false, not makes it true
    assertThat(hits.get(7)).isEmpty();
    assertThat(hits.get(8)).containsExactly(0, 2, 3);
  }
}
