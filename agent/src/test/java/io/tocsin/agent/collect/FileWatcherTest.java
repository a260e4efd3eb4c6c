package io.tocsin.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.agent.TestHost;
import io.tocsin.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {

  @TempDir Path tmp;

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final FileActivity activity =
      new FileActivity(TestHost.events(), events::add, Clock.systemUTC());

  @Test
  void inotifyReportsCreateModifyRenameDeleteIncludingNewSubdirectories() throws Exception {
    assumeTrue(com.sun.jna.Platform.isLinux());
    try (FileWatcher watcher = new InotifyFileWatcher(List.of(tmp), activity)) {
      watcher.start();
      exercise(true);
    }
  }

  @Test
  void watchServiceFallbackReportsCreateAndDelete() throws Exception {
    try (FileWatcher watcher = new JdkFileWatcher(List.of(tmp), activity)) {
      watcher.start();
      exercise(false);
    }
  }

  @Test
  void theAgentsOwnDirectoriesAreNotReported() throws Exception {
    Path own = Files.createDirectory(tmp.resolve("agent-data"));
    FileActivity filtered =
        new FileActivity(TestHost.events(), events::add, Clock.systemUTC(), List.of(own));
    filtered.record("create", own.resolve("state.json"), null);
    filtered.record("create", tmp.resolve("other"), null);
    assertThat(events)
        .extracting(e -> e.get("file.path"))
        .containsExactly(tmp.resolve("other").toString());
  }

  private void exercise(boolean renames) throws Exception {
    Path a = tmp.resolve("a.sh");
    Files.writeString(a, "echo hi\n");
    await(op("create", a));
    await(op("modify", a));
    Path sub = Files.createDirectory(tmp.resolve("sub"));
    await(op("create", sub));
    // The watcher adds the new directory on its own thread: wait until a file written in it is
    // seen.
    Path probe = sub.resolve("probe");
    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Files.writeString(probe, "x");
              return events.stream().anyMatch(e -> probe.toString().equals(e.get("file.path")));
            });
    Path b = sub.resolve("b.bin");
    Files.move(a, b);
    if (renames) {
      await(
          e ->
              "rename".equals(e.get("file.operation"))
                  && a.toString().equals(e.get("file.path"))
                  && b.toString().equals(e.get("file.destination")));
    } else {
      await(op("delete", a));
      await(op("create", b));
    }
    Files.delete(b);
    await(op("delete", b));
    Event create = events.stream().filter(op("create", a)).findFirst().orElseThrow();
    assertThat(create.get("event.type")).isEqualTo("file");
    assertThat(create.get("file.name")).isEqualTo("a.sh");
    assertThat(create.get("host_id")).isEqualTo("host-1");
  }

  private static Predicate<Event> op(String operation, Path path) {
    return e ->
        operation.equals(e.get("file.operation")) && path.toString().equals(e.get("file.path"));
  }

  private void await(Predicate<Event> condition) {
    Awaitility.await("a matching file event")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> events.stream().anyMatch(condition));
  }
}
