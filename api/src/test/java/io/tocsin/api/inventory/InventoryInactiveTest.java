package io.tocsin.api.inventory;

import static io.tocsin.api.inventory.InventoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;

/**
 * Hosts go inactive {@code TOCSIN_HOST_INACTIVE_AFTER} (default 5 minutes) after their last
 * submission. Runs in its own context with a movable clock and an in-memory store.
 */
class InventoryInactiveTest extends InventoryTestBase {

  static final MovableClock CLOCK = new MovableClock(Instant.now());

  @TestBean(name = "clock", methodName = "movableClock")
  Clock clock;

  static Clock movableClock() {
    return CLOCK;
  }

  /** Its own in-memory store: the shared tests' on-disk store is locked by their context. */
  @TestBean(name = "embeddedMvStore", methodName = "memoryStore")
  MVStore store;

  static MVStore memoryStore() {
    return new MVStore.Builder().autoCommitDisabled().open();
  }

  @Override
  protected ApiClient platformAdmin() {
    return anonymous().bearer(login("admin", ADMIN_PASSWORD));
  }

  @Test
  void hostInactiveOnceUnseenForTheConfiguredTime() {
    submit(snapshot("h-1", "web-1", "Linux"));
    submit(snapshot("h-2", "web-2", "Linux"));
    CLOCK.advance(Duration.ofMinutes(4));
    submit(snapshot("h-2", "web-2", "Linux"));

    CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));

    assertThat(ok(viewer.get("/api/v1/hosts/h-1/")).body().path("is_active").asBoolean()).isFalse();
    assertThat(ok(viewer.get("/api/v1/hosts/h-2/")).body().path("is_active").asBoolean()).isTrue();
    JsonNode inactive = ok(viewer.get("/api/v1/hosts/summary/?active=false")).body();
    assertThat(inactive.size()).isEqualTo(1);
    assertThat(inactive.get(0).path("id").asString()).isEqualTo("h-1");
    JsonNode status = ok(viewer.get("/api/v1/status/")).body();
    assertThat(status.path("hosts").path("active").asInt()).isEqualTo(1);
    assertThat(status.path("hosts").path("inactive").asInt()).isEqualTo(1);
    assertThat(ok(viewer.get("/api/v1/devices?status=offline")).body().path("total").asInt())
        .isEqualTo(1);

    submit(snapshot("h-1", "web-1", "Linux"));

    assertThat(ok(viewer.get("/api/v1/hosts/h-1/")).body().path("is_active").asBoolean()).isTrue();
  }

  /** A clock tests move forward by hand. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
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
