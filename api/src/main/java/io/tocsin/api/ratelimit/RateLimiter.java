package io.tocsin.api.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The buckets, one per principal and budget; full (idle) buckets are dropped when many exist. */
@Component
class RateLimiter {

  private static final int MAX_BUCKETS = 100_000;

  private final RateLimitProperties properties;
  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  TokenBucket.Decision take(String principal, boolean ingest) {
    long now = clock.millis();
    if (buckets.size() > MAX_BUCKETS) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    int capacity = ingest ? properties.ingestPerMinute() : properties.perMinute();
    String key = (ingest ? "ingest|" : "api|") + principal;
    return buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, now)).tryTake(now);
  }
}
