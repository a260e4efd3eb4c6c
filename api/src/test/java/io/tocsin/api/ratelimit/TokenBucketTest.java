package io.tocsin.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void whenBurstSpentThenRefusedUntilRefilled() {
    TokenBucket bucket = new TokenBucket(60, 0); // one token per second

    for (int i = 0; i < 60; i++) {
      assertThat(bucket.tryTake(0).allowed()).isTrue();
    }
    TokenBucket.Decision refused = bucket.tryTake(0);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfterMillis()).isEqualTo(1000);
    assertThat(refused.resetAtMillis()).isEqualTo(60_000);
    assertThat(bucket.tryTake(999).allowed()).isFalse();
    assertThat(bucket.tryTake(1000).allowed()).isTrue();
  }

  @Test
  void whenIdleThenNeverMoreThanCapacity() {
    TokenBucket bucket = new TokenBucket(10, 0);

    TokenBucket.Decision d = bucket.tryTake(3_600_000);

    assertThat(d.limit()).isEqualTo(10);
    assertThat(d.remaining()).isEqualTo(9);
    assertThat(bucket.isFull(3_700_000)).isTrue();
  }
}
