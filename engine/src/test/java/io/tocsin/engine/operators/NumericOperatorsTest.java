package io.tocsin.engine.operators;

import static io.tocsin.engine.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Agreement;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code < <= > >=} with integers, decimals and sizes; the shorthand {@code field:>N}. */
class NumericOperatorsTest {

  private final List<Event> events =
      List.of(
          event(1, "file.size", 200L * 1024 * 1024, "network.destination.port", 443L),
          event(2, "file.size", 100L * 1024 * 1024, "network.destination.port", 4444L),
          event(3, "file.size", 5.5, "network.bytes", 1.5e9),
          event(4, "file.size", "big"));

  @Test
  void orderedComparisonsAgreeWithTheInterpreter() {
    var hits =
        Agreement.check(
            List.of(
                "file.size > 100MB",
                "file.size >= 100MB",
                "file.size < 10",
                "network.destination.port <= 1024",
                "network.bytes > 1GB",
                "file.size:>100MB"),
            events,
            Map.of());
    assertThat(hits.get(0)).containsExactly(0);
    assertThat(hits.get(1)).containsExactly(0, 1);
    assertThat(hits.get(2)).containsExactly(2);
    assertThat(hits.get(3)).containsExactly(0);
    assertThat(hits.get(4)).containsExactly(2);
  }
}
