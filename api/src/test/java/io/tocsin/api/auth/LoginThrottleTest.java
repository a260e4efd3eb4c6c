package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(
          new TocsinProperties(
              "./data",
              null,
              false,
              DataSize.ofMegabytes(1),
              4,
              new TocsinProperties.Jwt(null, Duration.ofHours(1), Duration.ofDays(1)),
              new TocsinProperties.Login(3, Duration.ofMinutes(15))),
          clock);

  @Test
  void checkWhenLimitReachedThenRateLimitedUntilWindowEnds() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("Alice", "10.0.0.1");
    }

    assertThatThrownBy(() -> throttle.check("alice", "10.0.0.1"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.headers().getFirst("Retry-After"))
                    .isEqualTo("900"));
    assertThatCode(() -> throttle.check("alice", "10.0.0.2")).doesNotThrowAnyException();
    assertThatCode(() -> throttle.check("bob", "10.0.0.1")).doesNotThrowAnyException();

    clock.advance(Duration.ofMinutes(15));
    assertThatCode(() -> throttle.check("alice", "10.0.0.1")).doesNotThrowAnyException();
  }

  @Test
  void succeededThenFailuresForgotten() {
    throttle.failed("alice", "ip");
    throttle.failed("alice", "ip");
    throttle.succeeded("alice", "ip");
    throttle.failed("alice", "ip");
    throttle.failed("alice", "ip");

    assertThatCode(() -> throttle.check("alice", "ip")).doesNotThrowAnyException();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
