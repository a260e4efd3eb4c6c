package io.tocsin.engine.correlation;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.fired;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.ThresholdSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code threshold {count, within, group_by}} on event time: no sleeps, only event timestamps. */
class ThresholdTest {

  private DetectionEngine bruteForce() {
    DetectionEngine engine = Fixtures.engine();
    load(
        engine,
        policy(
            "brute",
            rule("failed_logins", "auth.result == 'failure'")
                .withThreshold(new ThresholdSpec(3, "1m", List.of("network.source.ip")))));
    return engine;
  }

  private static io.tocsin.model.Event failure(long s, String ip) {
    return event(s, "auth.result", "failure", "network.source.ip", ip);
  }

  @Test
  void firesWhenCountReachedWithinWindowPerGroup() {
    try (DetectionEngine engine = bruteForce()) {
      assertThat(engine.evaluate(List.of(failure(0, "1.1.1.1"), failure(10, "1.1.1.1")))).isEmpty();
      assertThat(engine.evaluate(failure(20, "2.2.2.2"))).isEmpty();
      List<Detection> d = engine.evaluate(failure(30, "1.1.1.1"));
      assertThat(fired(d)).containsExactly("failed_logins");
      assertThat(d.get(0).groupKey()).isEqualTo(Map.of("network.source.ip", "1.1.1.1"));
      assertThat(d.get(0).count()).isEqualTo(3);
      assertThat(d.get(0).events()).hasSize(3);
      assertThat(d.get(0).firstSeen()).isEqualTo(Fixtures.T0);
      assertThat(d.get(0).reason()).contains("3 events");
    }
  }

  @Test
  void eventsOutsideTheWindowDoNotCount() {
    try (DetectionEngine engine = bruteForce()) {
      engine.evaluate(List.of(failure(0, "1.1.1.1"), failure(50, "1.1.1.1")));
      // 0s is more than 1m before 70s: only two in the window
      assertThat(engine.evaluate(failure(70, "1.1.1.1"))).isEmpty();
      assertThat(fired(engine.evaluate(failure(80, "1.1.1.1")))).containsExactly("failed_logins");
    }
  }

  @Test
  void groupStartsOverAfterFiring() {
    try (DetectionEngine engine = bruteForce()) {
      assertThat(
              fired(
                  engine.evaluate(
                      List.of(failure(0, "a"), failure(1, "a"), failure(2, "a"), failure(3, "a")))))
          .containsExactly("failed_logins");
      assertThat(fired(engine.evaluate(List.of(failure(4, "a"), failure(5, "a")))))
          .containsExactly("failed_logins");
    }
  }

  @Test
  void outOfOrderEventsInsideTheWindowCountAndTooLateOnesAreDropped() {
    try (DetectionEngine engine = bruteForce()) {
      engine.evaluate(failure(100, "a"));
      // 20s late, still inside the window of the group
      engine.evaluate(failure(80, "a"));
      // 10 minutes late: cannot share a window with anything to come
      engine.evaluate(failure(-500, "a"));
      assertThat(engine.metrics().correlationLateDropped()).isEqualTo(1);
      assertThat(fired(engine.evaluate(failure(101, "a")))).containsExactly("failed_logins");
    }
  }

  @Test
  void anEventSeenAgainIsNotCountedTwice() {
    try (DetectionEngine engine = bruteForce()) {
      List<io.tocsin.model.Event> batch = List.of(failure(0, "a"), failure(1, "a"));
      assertThat(engine.evaluate(batch)).isEmpty();
      // The ingest sweeper re-runs a batch whose evaluation it could not confirm.
      assertThat(engine.evaluate(batch)).isEmpty();
      assertThat(fired(engine.evaluate(failure(2, "a")))).containsExactly("failed_logins");
    }
  }
}
