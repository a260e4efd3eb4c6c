package io.tocsin.api.ratelimit;

/**
 * A token bucket refilled continuously: {@code capacity} tokens per minute, at most {@code
 * capacity} stored (so a quiet client may burst a minute's budget). Thread-safe.
 */
final class TokenBucket {

  private static final double MILLIS_PER_MINUTE = 60_000.0;

  private final int capacity;
  private final double perMilli;
  private double tokens;
  private long updatedMillis;

  TokenBucket(int capacity, long nowMillis) {
    this.capacity = capacity;
    this.perMilli = capacity / MILLIS_PER_MINUTE;
    this.tokens = capacity;
    this.updatedMillis = nowMillis;
  }

  /** Takes one token if there is one; says what is left either way. */
  synchronized Decision tryTake(long nowMillis) {
    refill(nowMillis);
    boolean allowed = tokens >= 1.0;
    if (allowed) {
      tokens -= 1.0;
    }
    long fullInMillis = (long) Math.ceil((capacity - tokens) / perMilli);
    long nextInMillis = allowed ? 0 : (long) Math.ceil((1.0 - tokens) / perMilli);
    return new Decision(
        allowed, capacity, (int) Math.floor(tokens), nowMillis + fullInMillis, nextInMillis);
  }

  /** True when the bucket has refilled completely (it can be forgotten). */
  synchronized boolean isFull(long nowMillis) {
    refill(nowMillis);
    return tokens >= capacity;
  }

  private void refill(long nowMillis) {
    long elapsed = nowMillis - updatedMillis;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * perMilli);
      updatedMillis = nowMillis;
    }
  }

  /**
   * The outcome of one request.
   *
   * @param allowed whether the request may proceed
   * @param limit the bucket's capacity (requests per minute)
   * @param remaining whole tokens left
   * @param resetAtMillis when the bucket will be full again (epoch millis)
   * @param retryAfterMillis how long until a token is available (0 when allowed)
   */
  record Decision(
      boolean allowed, int limit, int remaining, long resetAtMillis, long retryAfterMillis) {}
}
