package io.tocsin.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.agent.TestHost;
import io.tocsin.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTrackerTest {

  @TempDir Path tmp;

  private final List<ProcessInfo> table = new ArrayList<>();
  private final ProcessSource fake = () -> List.copyOf(table);

  private static ProcessInfo proc(long pid, long ppid, String name, String exe, long start) {
    return new ProcessInfo(
        pid, ppid, name, exe, List.of(exe, "-x"), exe + " -x", "alice", start, "running", 0, 1, 1);
  }

  private ProcessTracker tracker() {
    return new ProcessTracker(fake, TestHost.events(), new ExeHasher(1 << 20), TestHost.CLOCK);
  }

  private ProcessTracker polling(Path reportedFile) {
    return new ProcessTracker(
        fake,
        new ProcessEvents(TestHost.events(), new ExeHasher(1 << 20)),
        TestHost.CLOCK,
        new ReportedProcesses(reportedFile),
        true);
  }

  /**
   * Regression: when polling, processes already running at start were never reported. Now the first
   * scan reports them as already_running, once: a restarted agent (same data dir) does not again.
   */
  @Test
  void pollingReportsAlreadyRunningOnceAcrossRestarts() {
    Path reported = tmp.resolve("reported-processes.txt");
    table.add(proc(1, 0, "init", "/sbin/init", 1000));
    table.add(proc(100, 1, "bash", "/bin/bash", 2000));
    List<Event> first = polling(reported).scan();
    assertThat(first)
        .extracting(e -> e.get("event.action"), e -> e.get("process.pid"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("already_running", 1L),
            org.assertj.core.groups.Tuple.tuple("already_running", 100L));
    assertThat(first.get(1).get("process.parent.name")).isEqualTo("init");
    assertThat(first.get(1).get("ts")).isEqualTo(TestHost.CLOCK.instant());

    ProcessTracker running = polling(reported);
    table.add(proc(200, 100, "vim", "/usr/bin/vim", 3000));
    assertThat(running.scan()).extracting(e -> e.get("process.pid")).containsExactly(200L);

    // restarted: 1, 100 and 200 were reported (200 as a start); a reused pid is a new process
    table.removeIf(p -> p.pid() == 100);
    table.add(proc(100, 1, "bash", "/bin/bash", 5000));
    List<Event> restarted = polling(reported).scan();
    assertThat(restarted)
        .extracting(e -> e.get("event.action"), e -> e.get("process.pid"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("already_running", 100L));
  }

  /** In real-time mode the table is still read (snapshot, connection owners) but emits nothing. */
  @Test
  void tableOnlyTrackerEmitsNothing() {
    table.add(proc(1, 0, "init", "/sbin/init", 1000));
    ProcessTracker t =
        ProcessTracker.tableOnly(
            fake,
            new ProcessEvents(TestHost.events(), new ExeHasher(1 << 20)),
            TestHost.CLOCK,
            new ReportedProcesses(null));
    assertThat(t.scan()).isEmpty();
    table.add(proc(2, 1, "x", "/bin/x", 2000));
    assertThat(t.scan()).isEmpty();
    assertThat(t.lastByPid()).containsKeys(1L, 2L);
  }

  @Test
  void firstScanIsABaselineThenStartAndExitAreReported() throws IOException {
    Path exe = Files.writeString(tmp.resolve("evil"), "#!/bin/sh\necho pwned\n");
    table.add(proc(1, 0, "init", "/sbin/init", 1000));
    table.add(proc(100, 1, "bash", "/bin/bash", 2000));
    ProcessTracker tracker = tracker();
    assertThat(tracker.scan()).isEmpty();

    table.add(proc(200, 100, "evil", exe.toString(), 3000));
    table.removeIf(p -> p.pid() == 1);
    List<Event> events = tracker.scan();

    assertThat(events).hasSize(2);
    Event start = events.get(0);
    assertThat(start.get("event.type")).isEqualTo("process");
    assertThat(start.get("event.action")).isEqualTo("start");
    assertThat(start.get("process.pid")).isEqualTo(200L);
    assertThat(start.get("process.ppid")).isEqualTo(100L);
    assertThat(start.get("process.parent.name")).isEqualTo("bash");
    assertThat(start.get("process.parent.exe")).isEqualTo("/bin/bash");
    assertThat(start.get("process.cmd")).isEqualTo(List.of(exe.toString(), "-x"));
    assertThat(start.get("process.command_line")).isEqualTo(exe + " -x");
    assertThat(start.get("process.user")).isEqualTo("alice");
    assertThat(start.get("process.hash")).isEqualTo(ExeHasher.sha256(exe));
    assertThat(start.get("ts")).isEqualTo(Instant.ofEpochMilli(3000));
    assertThat(start.get("host_id")).isEqualTo("host-1");
    assertThat(start.get("host.name")).isEqualTo("web-01");
    assertThat(start.get("host.ip")).isEqualTo("10.0.0.5");
    assertThat(start.get("host.os.family")).isEqualTo("Ubuntu");
    assertThat(start.get("agent.mode")).isEqualTo("monitor");
    assertThat(start.id()).isEqualTo(start.get("event.id"));

    Event exit = events.get(1);
    assertThat(exit.get("event.action")).isEqualTo("end");
    assertThat(exit.get("process.pid")).isEqualTo(1L);
    assertThat(exit.get("ts")).isEqualTo(TestHost.CLOCK.instant());
    assertThat(exit.id()).isNotEqualTo(start.id());

    assertThat(tracker.scan()).as("nothing changed").isEmpty();
  }

  @Test
  void reusedPidIsAnExitAndAStart() {
    table.add(proc(100, 1, "a", "/bin/a", 1000));
    ProcessTracker tracker = tracker();
    tracker.scan();
    table.clear();
    table.add(proc(100, 1, "b", "/bin/b", 5000));
    List<Event> events = tracker.scan();
    assertThat(events)
        .extracting(e -> e.get("event.action") + ":" + e.get("process.name"))
        .containsExactly("start:b", "end:a");
  }

  @Test
  void idsAreStableForTheSameProcess() {
    table.add(proc(1, 0, "init", "/sbin/init", 1000));
    ProcessTracker first = tracker();
    first.scan();
    table.add(proc(300, 1, "x", "/bin/x", 7000));
    String id1 = first.scan().get(0).id();

    table.removeIf(p -> p.pid() == 300);
    ProcessTracker second = tracker();
    second.scan();
    table.add(proc(300, 1, "x", "/bin/x", 7000));
    assertThat(second.scan().get(0).id()).isEqualTo(id1);
  }
}
