package io.tocsin.agent.collect;

import io.tocsin.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Turns file operations seen by a {@link FileWatcher} into {@code file} events. */
public final class FileActivity {

  private final EventFactory events;
  private final EventSink sink;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final List<Path> ignored;

  public FileActivity(EventFactory events, EventSink sink, Clock clock) {
    this(events, sink, clock, List.of());
  }

  /**
   * @param ignored trees whose operations are not reported (the agent's own data and spool
   *     directories, so writing its state never feeds back into events)
   */
  public FileActivity(EventFactory events, EventSink sink, Clock clock, List<Path> ignored) {
    this.events = events;
    this.sink = sink;
    this.clock = clock;
    this.ignored = ignored.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  private boolean isIgnored(Path path) {
    Path p = path.toAbsolutePath().normalize();
    return ignored.stream().anyMatch(p::startsWith);
  }

  /**
   * Records one operation.
   *
   * @param operation {@code create}, {@code modify}, {@code delete} or {@code rename}
   * @param destination the new path of a rename, else null
   */
  public void record(String operation, Path path, Path destination) {
    if (isIgnored(path) && (destination == null || isIgnored(destination))) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("file.path", path.toString());
    Path name = path.getFileName();
    f.put("file.name", name == null ? path.toString() : name.toString());
    f.put("file.operation", operation);
    if (destination != null) {
      f.put("file.destination", destination.toString());
    }
    Path current = destination != null ? destination : path;
    if (!operation.equals("delete") && Files.isRegularFile(current)) {
      try {
        f.put("file.size", Files.size(current));
      } catch (java.io.IOException e) {
        // vanished between the notification and now: no size
      }
    }
    String id =
        events.stableId("file." + operation, path, now.toEpochMilli(), sequence.incrementAndGet());
    Event event = events.event(id, now, "file", operation, f);
    sink.offer(event);
  }
}
