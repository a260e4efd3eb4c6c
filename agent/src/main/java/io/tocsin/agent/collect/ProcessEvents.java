package io.tocsin.agent.collect;

import io.tocsin.model.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the canonical {@code process} events (DESIGN §3) every process collector emits: {@code
 * start} (seen by a scan or at exec time), {@code end} and {@code already_running} (running when
 * the agent started), all with the same fields.
 */
public final class ProcessEvents {

  private final EventFactory events;
  private final ExeHasher hasher;

  public ProcessEvents(EventFactory events, ExeHasher hasher) {
    this.events = events;
    this.hasher = hasher;
  }

  /** A process found by a table scan; {@code ts} is its start time. */
  public Event started(ProcessInfo p, ProcessInfo parent, Instant fallbackTs) {
    Map<String, Object> f = fields(p, parent);
    f.put("process.hash", hasher.hash(p.exe()));
    String id = events.stableId("process.start", p.pid(), p.startTime());
    Instant ts = p.startTime() > 0 ? Instant.ofEpochMilli(p.startTime()) : fallbackTs;
    return events.event(id, ts, "process", "start", f);
  }

  /**
   * A process seen by the kernel at exec time ({@code ts}); a process may exec several times, each
   * exec is its own event, told apart by {@code execNanos}.
   */
  public Event executed(ProcessInfo p, ProcessInfo parent, String cwd, Instant ts, long execNanos) {
    Map<String, Object> f = fields(p, parent);
    if (cwd != null) {
      f.put("process.working_directory", cwd);
    }
    f.put("process.hash", hasher.hash(p.exe()));
    String id = events.stableId("process.exec", p.pid(), p.startTime(), execNanos);
    return events.event(id, ts, "process", "start", f);
  }

  /**
   * A process that was running when the agent started (Elastic Endpoint's {@code already_running}).
   */
  public Event alreadyRunning(ProcessInfo p, ProcessInfo parent, Instant now) {
    Map<String, Object> f = fields(p, parent);
    f.put("process.hash", hasher.hash(p.exe()));
    String id = events.stableId("process.already_running", p.pid(), p.startTime());
    return events.event(id, now, "process", "already_running", f);
  }

  /** A process that exited; {@code ts} is when that was noticed (or the kernel's exit time). */
  public Event ended(ProcessInfo p, ProcessInfo parent, Instant ts) {
    Map<String, Object> f = fields(p, parent);
    String id = events.stableId("process.end", p.pid(), p.startTime());
    return events.event(id, ts, "process", "end", f);
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
