package io.tocsin.engine.operators;

import static io.tocsin.engine.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Agreement;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code == != in not in} on strings and numbers: the alpha-hashed family. */
class EqualityOperatorsTest {

  private final List<Event> events =
      List.of(
          event(1, "process.name", "cmd.exe", "process.pid", 4L, "file.size", 100L * 1024 * 1024),
          event(2, "process.name", "CMD.EXE", "process.pid", 5L),
          event(3, "process.name", "powershell.exe", "process.pid", 4.0),
          event(4, "user.name", "svc_backup"),
          event(5, "process.name", "cmd.exe", "user.name", "alice"));

  @Test
  void equalityIsExactAndNumbersCompareByValue() {
    var hits =
        Agreement.check(
            List.of(
                "process.name == 'cmd.exe'",
                "process.name != 'cmd.exe'",
                "process.pid == 4",
                "file.size == 100MB",
                "process.name:cmd.exe"),
            events,
            Map.of());
    assertThat(hits.get(0)).containsExactly(0, 4);
    assertThat(hits.get(1)).containsExactly(1, 2);
    assertThat(hits.get(2)).containsExactly(0, 2);
    assertThat(hits.get(3)).containsExactly(0);
  }

  @Test
  void inAndNotInWithLiteralAndNamedLists() {
    var hits =
        Agreement.check(
            List.of(
                "process.name in ('cmd.exe', 'powershell.exe')",
                "process.name not in ('cmd.exe', 'powershell.exe')",
                "user.name in service_accounts",
                "process.pid in (4, 5)",
                "not user.name in ('svc_backup', \"svc_scan\")"),
            events,
            Map.of("service_accounts", List.of("svc_backup", "svc_scan")));
    assertThat(hits.get(0)).containsExactly(0, 2, 4);
    assertThat(hits.get(2)).containsExactly(3);
    assertThat(hits.get(3)).containsExactly(0, 1, 2);
  }
}
