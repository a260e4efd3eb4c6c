package io.tocsin.agent.collect;

import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive process tables into {@code process/start} and {@code process/end} events. The
 * first scan is a baseline and emits nothing. Processes that live shorter than one interval are not
 * seen (a limitation of polling).
 */
public final class ProcessTracker {

  private final ProcessSource source;
  private final EventFactory events;
  private final ExeHasher hasher;
  private final Clock clock;
  private Map<String, ProcessInfo> previous;
  private volatile List<ProcessInfo> lastTable = List.of();

  public ProcessTracker(ProcessSource source, EventFactory events, ExeHasher hasher, Clock clock) {
    this.source = source;
    this.events = events;
    this.hasher = hasher;
    this.clock = clock;
  }

  /** Scans once and returns the start and exit events since the previous scan. */
  public List<Event> scan() {
    List<ProcessInfo> table = source.processes();
    lastTable = List.copyOf(table);
    Map<String, ProcessInfo> current = new LinkedHashMap<>();
    Map<Long, ProcessInfo> byPid = new HashMap<>();
    for (ProcessInfo p : table) {
      current.put(p.key(), p);
      byPid.put(p.pid(), p);
    }
    List<Event> out = new ArrayList<>();
    if (previous != null) {
      for (ProcessInfo p : current.values()) {
        if (!previous.containsKey(p.key())) {
          out.add(start(p, byPid.get(p.ppid())));
        }
      }
      Instant now = clock.instant();
      for (ProcessInfo p : previous.values()) {
        if (!current.containsKey(p.key())) {
          ProcessInfo parent = byPid.get(p.ppid());
          if (parent == null) {
            parent =
                previous.values().stream()
                    .filter(q -> q.pid() == p.ppid())
                    .findFirst()
                    .orElse(null);
          }
          out.add(end(p, parent, now));
        }
      }
    }
    previous = current;
    return out;
  }

  /** The table seen by the latest scan (the snapshot reuses it instead of rescanning). */
  public List<ProcessInfo> lastTable() {
    return lastTable;
  }

  /** The latest table by pid. */
  public Map<Long, ProcessInfo> lastByPid() {
    Map<Long, ProcessInfo> m = new HashMap<>();
    lastTable.forEach(p -> m.put(p.pid(), p));
    return m;
  }

  private Event start(ProcessInfo p, ProcessInfo parent) {
    Map<String, Object> f = fields(p, parent);
    f.put("process.hash", hasher.hash(p.exe()));
    String id = events.stableId("process.start", p.pid(), p.startTime());
    Instant ts = p.startTime() > 0 ? Instant.ofEpochMilli(p.startTime()) : clock.instant();
    return events.event(id, ts, "process", "start", f);
  }

  private Event end(ProcessInfo p, ProcessInfo parent, Instant now) {
    Map<String, Object> f = fields(p, parent);
    String id = events.stableId("process.end", p.pid(), p.startTime());
    return events.event(id, now, "process", "end", f);
  }

  private static Map<String, Object> fields(ProcessInfo p, ProcessInfo parent) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("process.name", p.name());
    f.put("process.pid", p.pid());
    f.put("process.ppid", p.ppid());
    f.put("process.exe", blankToNull(p.exe()));
    f.put("process.cmd", p.cmd());
    f.put("process.command_line", blankToNull(p.commandLine()));
    f.put("process.user", blankToNull(p.user()));
    if (p.startTime() > 0) {
      f.put("process.start", Instant.ofEpochMilli(p.startTime()).toString());
    }
    f.put("process.parent.pid", p.ppid());
    if (parent != null) {
      f.put("process.parent.name", parent.name());
      f.put("process.parent.exe", blankToNull(parent.exe()));
    }
    return f;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
