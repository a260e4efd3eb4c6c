package io.tocsin.agent.collect;

import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * One collection pass: the process diff, then (optionally) the connection diff using the fresh
 * process table to name connection owners. Events go to the sink.
 */
public final class Scanner {

  private final ProcessTracker processes;
  private final ConnectionTracker connections;
  private final EventSink sink;

  /** {@code connections} may be null when network collection is off. */
  public Scanner(ProcessTracker processes, ConnectionTracker connections, EventSink sink) {
    this.processes = processes;
    this.connections = connections;
    this.sink = sink;
  }

  /** Scans once; returns the events produced (also offered to the sink). */
  public List<Event> scanOnce() {
    List<Event> events = new ArrayList<>(processes.scan());
    if (connections != null) {
      events.addAll(connections.scan(processes.lastByPid()));
    }
    events.forEach(sink::offer);
    return events;
  }

  public ProcessTracker processes() {
    return processes;
  }
}
