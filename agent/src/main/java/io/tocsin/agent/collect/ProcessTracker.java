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
 * Turns successive process tables into {@code process} events. The first scan reports every running
 * process not reported before (across restarts, by {@link ReportedProcesses}) as {@code
 * already_running}; later scans report {@code start} and {@code end}. Processes that live shorter
 * than one interval are not seen by polling; when the kernel's process events connector reports
 * processes instead, the tracker runs {@linkplain #tableOnly table-only}: it keeps the table (for
 * the snapshot and connection owners) and the reported set, and emits nothing.
 */
public final class ProcessTracker {

  private final ProcessSource source;
  private final ProcessEvents events;
  private final Clock clock;
  private final ReportedProcesses reported;
  private final boolean emit;
  private Map<String, ProcessInfo> previous;
  private volatile List<ProcessInfo> lastTable = List.of();

  /** A polling tracker whose first scan is a silent baseline (nothing persisted). */
  public ProcessTracker(ProcessSource source, EventFactory events, ExeHasher hasher, Clock clock) {
    this(source, new ProcessEvents(events, hasher), clock, null, true);
  }

  /**
   * @param reported what was already reported, or null for a silent first scan
   * @param emit false when another collector reports processes (table-only)
   */
  public ProcessTracker(
      ProcessSource source,
      ProcessEvents events,
      Clock clock,
      ReportedProcesses reported,
      boolean emit) {
    this.source = source;
    this.events = events;
    this.clock = clock;
    this.reported = reported;
    this.emit = emit;
  }

  /** A tracker that only keeps the table: the process events come from elsewhere. */
  public static ProcessTracker tableOnly(
      ProcessSource source, ProcessEvents events, Clock clock, ReportedProcesses reported) {
    return new ProcessTracker(source, events, clock, reported, false);
  }

  /** Scans once and returns the events since the previous scan. */
  public List<Event> scan() {
    long tableNanos = System.nanoTime();
    List<ProcessInfo> table = source.processes();
    lastTable = List.copyOf(table);
    Map<String, ProcessInfo> current = new LinkedHashMap<>();
    Map<Long, ProcessInfo> byPid = new HashMap<>();
    for (ProcessInfo p : table) {
      current.put(p.key(), p);
      byPid.put(p.pid(), p);
    }
    List<Event> out = new ArrayList<>();
    if (emit) {
      if (previous == null) {
        if (reported != null) {
          Instant now = clock.instant();
          for (ProcessInfo p : current.values()) {
            if (reported.markReported(p.key())) {
              out.add(events.alreadyRunning(p, byPid.get(p.ppid()), now));
            }
          }
        }
      } else {
        diff(current, byPid, out);
      }
    }
    previous = current;
    if (reported != null) {
      reported.retain(current.keySet(), tableNanos);
      reported.save();
    }
    return out;
  }

  private void diff(
      Map<String, ProcessInfo> current, Map<Long, ProcessInfo> byPid, List<Event> out) {
    Instant now = clock.instant();
    for (ProcessInfo p : current.values()) {
      if (!previous.containsKey(p.key())) {
        if (reported != null) {
          reported.markReported(p.key());
        }
        out.add(events.started(p, byPid.get(p.ppid()), now));
      }
    }
    for (ProcessInfo p : previous.values()) {
      if (!current.containsKey(p.key())) {
        ProcessInfo parent = byPid.get(p.ppid());
        if (parent == null) {
          parent =
              previous.values().stream().filter(q -> q.pid() == p.ppid()).findFirst().orElse(null);
        }
        out.add(events.ended(p, parent, now));
      }
    }
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
}
