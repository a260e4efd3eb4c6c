package io.tocsin.agent.deliver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The agent's own counters, shared by every component; read as a consistent-enough snapshot. */
public final class AgentStats {

  public final AtomicLong collected = new AtomicLong();
  public final AtomicLong sent = new AtomicLong();
  public final AtomicLong failed = new AtomicLong();
  public final AtomicLong retried = new AtomicLong();
  public final AtomicLong spooled = new AtomicLong();
  public final AtomicLong replayed = new AtomicLong();
  public final AtomicLong droppedQueueFull = new AtomicLong();
  public final AtomicLong droppedSpoolFull = new AtomicLong();
  public final AtomicLong rejected = new AtomicLong();
  public final AtomicLong snapshotsSent = new AtomicLong();
  public final AtomicLong snapshotsFailed = new AtomicLong();
  public final AtomicLong commandsExecuted = new AtomicLong();
  public final AtomicLong scans = new AtomicLong();
  public final AtomicLong scanMillis = new AtomicLong();

  /** Execs/exits the kernel reported that the agent could not read in time or had to drop. */
  public final AtomicLong processEventsLost = new AtomicLong();

  /** Execs reported without command line: the process was gone before it could be read. */
  public final AtomicLong processEventsIncomplete = new AtomicLong();

  /** Events dropped for any reason (full queue or full spool); rejected ones are separate. */
  public long dropped() {
    return droppedQueueFull.get() + droppedSpoolFull.get();
  }

  /** All counters by name, in a stable order (logged, written to the state file, served). */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("collected", collected.get());
    m.put("sent", sent.get());
    m.put("failed", failed.get());
    m.put("retried", retried.get());
    m.put("spooled", spooled.get());
    m.put("replayed", replayed.get());
    m.put("dropped", dropped());
    m.put("dropped_queue_full", droppedQueueFull.get());
    m.put("dropped_spool_full", droppedSpoolFull.get());
    m.put("rejected", rejected.get());
    m.put("snapshots_sent", snapshotsSent.get());
    m.put("snapshots_failed", snapshotsFailed.get());
    m.put("commands_executed", commandsExecuted.get());
    m.put("scans", scans.get());
    m.put("scan_millis_total", scanMillis.get());
    m.put("process_events_lost", processEventsLost.get());
    m.put("process_events_incomplete", processEventsIncomplete.get());
    return m;
  }
}
