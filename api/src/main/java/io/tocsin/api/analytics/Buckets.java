package io.tocsin.api.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Time buckets by arithmetic on epoch millis: {@code t - ((t - origin) mod size)}. Hours and days
 * align to UTC; weeks start on Monday (1970-01-05 is the first Monday after the epoch).
 */
enum Buckets {
  HOUR(Duration.ofHours(1), 0),
  DAY(Duration.ofDays(1), 0),
  WEEK(Duration.ofDays(7), Duration.ofDays(4).toMillis());

  private final long size;
  private final long origin;

  Buckets(Duration size, long origin) {
    this.size = size.toMillis();
    this.origin = origin;
  }

  static Buckets parse(String text) {
    for (Buckets b : values()) {
      if (b.name().equalsIgnoreCase(text)) {
        return b;
      }
    }
    return null;
  }

  long floor(long millis) {
    return millis - Math.floorMod(millis - origin, size);
  }

  /** The aggregation expression of the bucket start (epoch millis) of date field {@code field}. */
  Document expression(String field) {
    Document millis = new Document("$toLong", "$" + field);
    Document offset = new Document("$subtract", List.of(millis, origin));
    Document remainder = new Document("$mod", List.of(offset, size));
    return new Document("$subtract", List.of(millis, remainder));
  }

  /** A zero-filled series from {@code from} to {@code to} with the given counts per bucket. */
  List<AnalyticsBodies.TimeBucket> series(Instant from, Instant to, Map<Long, Long> counts) {
    List<AnalyticsBodies.TimeBucket> out = new ArrayList<>();
    for (long t = floor(from.toEpochMilli()); t <= to.toEpochMilli(); t += size) {
      out.add(new AnalyticsBodies.TimeBucket(Instant.ofEpochMilli(t), counts.getOrDefault(t, 0L)));
    }
    return out;
  }
}
