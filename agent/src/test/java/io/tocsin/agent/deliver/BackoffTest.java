package io.tocsin.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesUntilTheCapWithFullRandomAtTheTop() {
    Backoff top = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999_999);
    assertThat(top.delay(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(top.delay(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(top.delay(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(top.delay(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(top.delay(63)).isEqualTo(Duration.ofSeconds(30));
    assertThat(top.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterStaysBetweenHalfAndFullDelayAndNeverExceedsTheCap() {
    Random random = new Random(42);
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), random::nextDouble);
    long distinct =
        java.util.stream.IntStream.range(0, 200).mapToObj(i -> b.delay(3)).distinct().count();
    assertThat(distinct).as("jittered").isGreaterThan(50);
    for (int attempt = 0; attempt < 100; attempt++) {
      long expected = Math.min(5000, 100L << Math.min(attempt, 40));
      Duration d = b.delay(attempt);
      assertThat(d.toMillis()).isBetween(expected / 2, Math.min(expected, 5000));
    }
  }
}
