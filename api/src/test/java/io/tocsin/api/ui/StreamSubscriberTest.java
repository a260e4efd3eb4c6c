package io.tocsin.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-subscriber buffer is bounded and never blocks the writer. */
class StreamSubscriberTest {

  @Test
  void offerWhenBufferFullThenDropsOldestAndOwesResyncWithoutBlocking() {
    List<Runnable> tasks = new ArrayList<>();
    List<StreamSubscriber> closed = new ArrayList<>();
    StreamSubscriber s =
        new StreamSubscriber(
            "t1", Set.of("alerts"), Duration.ofMinutes(1), 4, tasks::add, closed::add);
    for (int i = 0; i < 100; i++) {
      s.offer(new StreamSubscriber.Message("alert.created", Map.of("n", i)));
    }
    assertThat(s.buffered()).isEqualTo(4);
    assertThat(s.overflowed()).isTrue();
    assertThat(tasks).as("one drain scheduled, not one per message").hasSize(1);
    s.close();
    assertThat(closed).containsExactly(s);
    assertThat(s.buffered()).isZero();
    s.offer(new StreamSubscriber.Message("alert.created", Map.of()));
    assertThat(s.buffered()).isZero();
  }

  @Test
  void wantsOnlyItsTopics() {
    StreamSubscriber s =
        new StreamSubscriber("t1", Set.of("alerts"), Duration.ofMinutes(1), 4, r -> {}, x -> {});
    assertThat(s.wants("alerts")).isTrue();
    assertThat(s.wants("events")).isFalse();
  }
}
