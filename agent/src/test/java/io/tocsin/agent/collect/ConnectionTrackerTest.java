package io.tocsin.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.agent.TestHost;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionTrackerTest {

  private final List<ConnectionInfo> table = new ArrayList<>();
  private final ConnectionTracker tracker =
      new ConnectionTracker(() -> List.copyOf(table), TestHost.events(), TestHost.CLOCK);

  @Test
  void newConnectionsAfterTheBaselineBecomeEvents() {
    table.add(new ConnectionInfo("tcp4", "10.0.0.5", 22, "10.0.0.9", 50000, "established", 10));
    assertThat(tracker.scan()).isEmpty();

    table.add(new ConnectionInfo("tcp4", "10.0.0.5", 40000, "203.0.113.7", 443, "established", 42));
    table.add(new ConnectionInfo("tcp6", "::", 8081, "::", 0, "listen", -1));
    table.add(new ConnectionInfo("tcp4", "10.0.0.5", 40001, "203.0.113.7", 443, "time_wait", 42));
    table.add(new ConnectionInfo("udp4", "0.0.0.0", 5353, "0.0.0.0", 0, "none", 7));
    ProcessInfo owner =
        new ProcessInfo(
            42, 1, "curl", "/usr/bin/curl", List.of("curl"), "curl", "bob", 1, "running", 0, 0, 1);
    List<Event> events = tracker.scan(Map.of(42L, owner));

    assertThat(events).hasSize(2);
    Event connect = events.get(0);
    assertThat(connect.get("event.type")).isEqualTo("network");
    assertThat(connect.get("event.action")).isEqualTo("connect");
    assertThat(connect.get("network.destination.ip")).isEqualTo("203.0.113.7");
    assertThat(connect.get("network.destination.port")).isEqualTo(443L);
    assertThat(connect.get("network.source.port")).isEqualTo(40000L);
    assertThat(connect.get("network.protocol")).isEqualTo("tcp4");
    assertThat(connect.get("process.pid")).isEqualTo(42L);
    assertThat(connect.get("process.name")).isEqualTo("curl");

    Event listen = events.get(1);
    assertThat(listen.get("event.action")).isEqualTo("listen");
    assertThat(listen.has("process.pid")).as("owner unknown (-1)").isFalse();
    assertThat(listen.has("network.destination.ip")).isFalse();

    assertThat(tracker.scan()).isEmpty();
  }
}
