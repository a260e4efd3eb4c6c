package io.tocsin.engine.operators;

import static io.tocsin.engine.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Agreement;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** contains / startswith / endswith and their case-insensitive forms: the pre-filtered family. */
class StringOperatorsTest {

  private final List<Event> events =
      List.of(
          event(1, "process.command_line", "powershell -nop -enc SQBFAFgA"),
          event(2, "process.command_line", "PowerShell.exe -NoProfile"),
          event(3, "process.name", "POWERSHELL.EXE", "process.command_line", "x"),
          event(4, "process.cmd", List.of("powershell", "-nop", "-w", "hidden")),
          event(5, "file.path", "/tmp/dropper.sh"));

  @Test
  void substringOperatorsAgreeWithTheInterpreter() {
    var hits =
        Agreement.check(
            List.of(
                "process.command_line contains '-nop'",
                "process.command_line icontains 'powershell'",
                "process.command_line startswith 'powershell'",
                "process.command_line istartswith 'POWERSHELL'",
                "process.name iendswith '.exe'",
                "process.name endswith '.exe'",
                "process.cmd contains '-nop'",
                "file.path endswith '.sh' and file.path startswith '/tmp/'",
                "process.name icontains 'powershell' and not user.name in ('svc_backup')"),
            events,
            Map.of());
    assertThat(hits.get(0)).containsExactly(0);
    assertThat(hits.get(1)).containsExactly(0, 1);
    assertThat(hits.get(2)).containsExactly(0);
    assertThat(hits.get(3)).containsExactly(0, 1);
    assertThat(hits.get(4)).containsExactly(2);
    assertThat(hits.get(5)).isEmpty();
    assertThat(hits.get(6)).containsExactly(3);
    assertThat(hits.get(7)).containsExactly(4);
  }
}
