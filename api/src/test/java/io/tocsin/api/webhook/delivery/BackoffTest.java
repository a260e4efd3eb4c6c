package io.tocsin.api.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Capped, jittered exponential backoff and {@code Retry-After}. */
class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

  @RepeatedTest(20)
  void doublesWithEqualJitterAndStopsAtTheCap() {
    assertThat(backoff.delay(1, null)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    assertThat(backoff.delay(2, null)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertThat(backoff.delay(4, null)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
    assertThat(backoff.delay(12, null))
        .isBetween(Duration.ofMillis(450_000), Duration.ofMinutes(15));
    assertThat(backoff.delay(80, null)).isLessThanOrEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void retryAfterWinsAndIsCapped() {
    assertThat(backoff.delay(1, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
    assertThat(backoff.delay(1, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void retryAfterParsesSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    assertThat(Backoff.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
    assertThat(Backoff.retryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
    assertThat(Backoff.retryAfter("Sun, 22 Nov 2026 10:01:30 GMT", now))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(Backoff.retryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
    assertThat(Backoff.retryAfter("soon", now)).isNull();
    assertThat(Backoff.retryAfter(null, now)).isNull();
  }

  @Test
  void deliveryIdsAreStablePerWebhookAlertVersionAndEvent() {
    String id = Delivery.idOf("whk_1", "alr_1", 3, "alert.updated");
    assertThat(id)
        .isEqualTo(Delivery.idOf("whk_1", "alr_1", 3, "alert.updated"))
        .startsWith("dlv_");
    assertThat(id).isNotEqualTo(Delivery.idOf("whk_1", "alr_1", 4, "alert.updated"));
    assertThat(id).isNotEqualTo(Delivery.idOf("whk_2", "alr_1", 3, "alert.updated"));
  }
}
