package io.tocsin.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.agent.TestHost;
import io.tocsin.model.Event;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import oshi.SystemInfo;

/** The OSHI-backed collector against this machine's real process table. */
class RealProcessCollectionTest {

  static List<String> sources() {
    return List.of("procfs", "oshi");
  }

  @ParameterizedTest
  @MethodSource("sources")
  void seesAChildProcessStartAndExit(String kind) throws Exception {
    assumeTrue(com.sun.jna.Platform.isLinux(), "Linux process table");
    ProcessSource source =
        kind.equals("procfs")
            ? ProcfsProcessSource.system()
            : new OshiProcessSource(new SystemInfo().getOperatingSystem());
    ProcessTracker tracker =
        new ProcessTracker(source, TestHost.events(), new ExeHasher(50L << 20), Clock.systemUTC());
    tracker.scan();
    String unique = "0." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    Process sleep = new ProcessBuilder("sleep", "30", unique).start();
    try {
      Event start = findStart(tracker, sleep.pid());
      assertThat(start.get("process.cmd")).isEqualTo(List.of("sleep", "30", unique));
      assertThat(start.get("process.command_line").toString()).contains("sleep 30 " + unique);
      assertThat(start.get("process.ppid")).isEqualTo(ProcessHandle.current().pid());
      assertThat(start.get("process.parent.name")).isEqualTo("java");
      assertThat(start.get("process.name")).isEqualTo("sleep");
      String exe = (String) start.get("process.exe");
      assertThat(exe).endsWith("/sleep");
      assertThat(start.get("process.hash")).isEqualTo(ExeHasher.sha256(Path.of(exe)));
      assertThat(start.get("process.user")).isEqualTo(System.getProperty("user.name"));
    } finally {
      sleep.destroy();
      sleep.waitFor(60, TimeUnit.SECONDS);
    }
    List<Event> after = tracker.scan();
    assertThat(after)
        .filteredOn(e -> e.get("process.pid").equals(sleep.pid()))
        .singleElement()
        .satisfies(e -> assertThat(e.get("event.action")).isEqualTo("end"));
  }

  private static Event findStart(ProcessTracker tracker, long pid) {
    return tracker.scan().stream()
        .filter(e -> "start".equals(e.get("event.action")) && e.get("process.pid").equals(pid))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no start event for pid " + pid));
  }
}
