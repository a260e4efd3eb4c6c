package io.tocsin.engine.correlation;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.fired;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.engine.policy.SequenceSpec;
import io.tocsin.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sequence {by, within, steps}}: ordered steps per key within a window of event time. */
class SequenceTest {

  private DetectionEngine engine() {
    DetectionEngine engine = Fixtures.engine();
    RuleDefinition rule =
        new RuleDefinition(
            "download_then_exec",
            null,
            "isolate_host",
            "critical",
            Map.of(),
            null,
            new SequenceSpec(
                List.of("host_id"),
                "5m",
                List.of(
                    "event.type == 'network' and network.destination.port == 4444",
                    "event.type == 'file' and file.path startswith '/tmp/'",
                    "event.type == 'process' and process.exe startswith '/tmp/'")),
            null,
            null,
            List.of());
    load(engine, policy("chain", rule));
    return engine;
  }

  private static Event net(long s, String host) {
    return event(s, "host_id", host, "event.type", "network", "network.destination.port", 4444L);
  }

  private static Event file(long s, String host) {
    return event(s, "host_id", host, "event.type", "file", "file.path", "/tmp/x");
  }

  private static Event exec(long s, String host) {
    return event(s, "host_id", host, "event.type", "process", "process.exe", "/tmp/x");
  }

  @Test
  void firesWhenAllStepsOccurInOrderForOneKey() {
    try (DetectionEngine engine = engine()) {
      assertThat(engine.evaluate(List.of(net(0, "h1"), file(10, "h1"), file(11, "h2")))).isEmpty();
      List<Detection> d = engine.evaluate(exec(20, "h1"));
      assertThat(fired(d)).containsExactly("download_then_exec");
      assertThat(d.get(0).events()).hasSize(3);
      assertThat(d.get(0).groupKey()).isEqualTo(Map.of("host_id", "h1"));
      assertThat(d.get(0).action().wireName()).isEqualTo("isolate_host");
    }
  }

  @Test
  void wrongOrderOrOtherKeyOrTooSlowDoesNotFire() {
    try (DetectionEngine engine = engine()) {
      assertThat(engine.evaluate(List.of(file(0, "a"), net(1, "a"), exec(2, "a")))).isEmpty();
      assertThat(engine.evaluate(List.of(net(10, "b"), file(11, "c"), exec(12, "b")))).isEmpty();
      assertThat(engine.evaluate(List.of(net(20, "d"), file(21, "d"), exec(20 + 301, "d"))))
          .isEmpty();
    }
  }

  @Test
  void outOfOrderArrivalWithinOneBatchIsSortedByEventTime() {
    try (DetectionEngine engine = engine()) {
      assertThat(fired(engine.evaluate(List.of(exec(3, "a"), file(2, "a"), net(1, "a")))))
          .containsExactly("download_then_exec");
    }
  }
}
