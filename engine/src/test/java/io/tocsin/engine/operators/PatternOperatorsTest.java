package io.tocsin.engine.operators;

import static io.tocsin.engine.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Agreement;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code matches} (RE2) and {@code glob}, and the shorthand wildcards. */
class PatternOperatorsTest {

  private final List<Event> events =
      List.of(
          event(1, "process.command_line", "powershell -EncodedCommand SQBFAFgA "),
          event(2, "process.command_line", "powershell -enc abc "),
          event(3, "file.path", "/tmp/a/b/run.sh"),
          event(4, "file.path", "/tmp/run.py"),
          event(5, "process.name", "powershell_ise.exe"));

  @Test
  void regexGlobAndWildcardsAgreeWithTheInterpreter() {
    var hits =
        Agreement.check(
            List.of(
                "process.command_line matches '(?i)-enc(odedcommand)?\\s'",
                "file.path glob '/tmp/**/*.sh'",
                "file.path glob '/tmp/*.py'",
                "process.name:power*"),
            events,
            Map.of());
    assertThat(hits.get(0)).containsExactly(0, 1);
    assertThat(hits.get(1)).containsExactly(2);
    assertThat(hits.get(2)).containsExactly(3);
    assertThat(hits.get(3)).containsExactly(4);
  }
}
