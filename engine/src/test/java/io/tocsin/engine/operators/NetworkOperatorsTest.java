package io.tocsin.engine.operators;

import static io.tocsin.engine.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Agreement;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CIDR membership (IPv4 and IPv6) and IP equality, which compares addresses, not text. */
class NetworkOperatorsTest {

  private final List<Event> events =
      List.of(
          event(1, "network.source.ip", "10.1.2.3"),
          event(2, "network.source.ip", "192.168.1.10"),
          event(3, "network.source.ip", "fd00::1"),
          event(4, "network.source.ip", "not-an-ip"));

  @Test
  void cidrAndAddressEqualityAgreeWithTheInterpreter() {
    var hits =
        Agreement.check(
            List.of(
                "network.source.ip in 10.0.0.0/8",
                "network.source.ip in (10.0.0.0/8, 192.168.0.0/16)",
                "network.source.ip in fd00::/8",
                "network.source.ip == '192.168.1.10'",
                "network.source.ip not in 10.0.0.0/8"),
            events,
            Map.of());
    assertThat(hits.get(0)).containsExactly(0);
    assertThat(hits.get(1)).containsExactly(0, 1);
    assertThat(hits.get(2)).containsExactly(2);
    assertThat(hits.get(3)).containsExactly(1);
  }
}
