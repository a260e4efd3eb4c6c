package io.tocsin.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.error.ApiException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final MongoClient client = client(server);
  private final MongoTemplate mongo = new MongoTemplate(client, "throttle");
  private final LoginThrottle throttle = throttle(mongo);
  private final LoginThrottle otherServer = throttle(mongo);

  @AfterEach
  void stop() {
    client.close();
    server.shutdown();
  }

  @Test
  void checkWhenAccountLimitReachedThenRateLimitedFromAnyAddressUntilWindowEnds() {
    for (int i = 0; i < 3; i++) {
      throttle.failed(List.of("user:1"), "10.0.0." + i);
    }

    assertThatThrownBy(() -> throttle.check(List.of("user:1"), "10.0.0.9"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.headers().getFirst("Retry-After")).isEqualTo("900"));
    assertThatCode(() -> throttle.check(List.of("user:2"), "10.0.0.9")).doesNotThrowAnyException();

    clock.advance(Duration.ofMinutes(15));
    assertThatCode(() -> throttle.check(List.of("user:1"), "10.0.0.9")).doesNotThrowAnyException();
  }

  @Test
  void checkWhenAddressLimitReachedThenEveryNameFromItRefused() {
    for (int i = 0; i < 10; i++) {
      throttle.failed(List.of("name:spray-" + i), "10.0.0.1");
    }

    assertThatThrownBy(() -> throttle.check(List.of("user:fresh"), "10.0.0.1"))
        .isInstanceOf(ApiException.class);
    assertThatCode(() -> throttle.check(List.of("user:fresh"), "10.0.0.2"))
        .doesNotThrowAnyException();
  }

  @Test
  void countersAreSharedByServersOnOneDatabase() {
    throttle.failed(List.of("user:1"), "a");
    otherServer.failed(List.of("user:1"), "b");
    throttle.failed(List.of("user:1"), "c");

    assertThatThrownBy(() -> otherServer.check(List.of("user:1"), "d"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void succeededThenAccountFailuresForgottenButNotTheAddresses() {
    for (int i = 0; i < 9; i++) {
      throttle.failed(List.of("user:" + (i % 3)), "ip");
      if (i % 3 == 0) {
        throttle.succeeded("user:0");
      }
    }
    throttle.succeeded("user:1");
    assertThatCode(() -> throttle.check(List.of("user:1"), "other")).doesNotThrowAnyException();

    throttle.failed(List.of("user:1"), "ip");
    assertThatThrownBy(() -> throttle.check(List.of("user:1"), "ip"))
        .isInstanceOf(ApiException.class);
  }

  private LoginThrottle throttle(MongoTemplate template) {
    return new LoginThrottle(
        template,
        new TocsinProperties(
            "./data",
            null,
            false,
            DataSize.ofMegabytes(1),
            4,
            new TocsinProperties.Jwt(null, Duration.ofHours(1), Duration.ofDays(1)),
            new TocsinProperties.Login(3, Duration.ofMinutes(15), 10)),
        clock);
  }

  private static MongoClient client(MongoServer server) {
    InetSocketAddress address = server.bind();
    return MongoClients.create("mongodb://localhost:" + address.getPort());
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
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
