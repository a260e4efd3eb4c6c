package io.tocsin.agent.collect;

import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits {@code network/connect} (outbound or accepted connections) and {@code network/listen}
 * events for sockets not seen in the previous scan. The first scan is a baseline. Unconnected UDP
 * sockets and closing TCP states are ignored.
 */
public final class ConnectionTracker {

  private static final Set<String> IGNORED_STATES =
      Set.of(
          "time_wait", "close_wait", "closing", "last_ack", "fin_wait_1", "fin_wait_2", "closed");

  private final ConnectionSource source;
  private final EventFactory events;
  private final Clock clock;
  private Set<String> previous;

  public ConnectionTracker(ConnectionSource source, EventFactory events, Clock clock) {
    this.source = source;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Scans once; {@code processes} (may be empty) names the owning processes.
   *
   * @return events for connections new since the previous scan
   */
  public List<Event> scan(Map<Long, ProcessInfo> processes) {
    Set<String> current = new HashSet<>();
    List<Event> out = new ArrayList<>();
    Instant now = clock.instant();
    for (ConnectionInfo c : source.connections()) {
      if (IGNORED_STATES.contains(c.state())) {
        continue;
      }
      boolean listen = c.state().equals("listen");
      boolean connected = c.remotePort() != 0;
      if (!listen && !connected) {
        continue;
      }
      current.add(c.key());
      if (previous != null && !previous.contains(c.key())) {
        out.add(event(c, listen, processes.getOrDefault(c.pid(), null), now));
      }
    }
    previous = current;
    return out;
  }

  /** Convenience for callers without a process table. */
  public List<Event> scan() {
    return scan(new HashMap<>());
  }

  private Event event(ConnectionInfo c, boolean listen, ProcessInfo owner, Instant now) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("network.protocol", c.protocol());
    f.put("network.source.ip", c.localIp());
    f.put("network.source.port", (long) c.localPort());
    if (!listen) {
      f.put("network.destination.ip", c.remoteIp());
      f.put("network.destination.port", (long) c.remotePort());
    }
    f.put("network.state", c.state());
    if (c.pid() >= 0) {
      f.put("process.pid", c.pid());
    }
    if (owner != null) {
      f.put("process.name", owner.name());
      f.put("process.exe", owner.exe());
    }
    String id = events.stableId("network." + (listen ? "listen" : "connect"), c.key(), now);
    return events.event(id, now, "network", listen ? "listen" : "connect", f);
  }
}
