package io.tocsin.api.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: {@code base * 2^(attempt-1)}, capped, with "equal jitter" (a random point in
 * the upper half, so many receivers failing at once do not retry in lockstep). A {@code
 * Retry-After} from the receiver (seconds or an HTTP date) wins, capped the same way.
 */
final class Backoff {

  private final Duration base;
  private final Duration cap;

  Backoff(Duration base, Duration cap) {
    this.base = base;
    this.cap = cap;
  }

  /** Delay after the {@code attempt}-th failed attempt (1-based). */
  Duration delay(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
    }
    long baseMs = Math.max(1, base.toMillis());
    long exp = baseMs << Math.min(attempt - 1, 30);
    long full = Math.min(cap.toMillis(), exp < 0 ? Long.MAX_VALUE : exp);
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }

  /** Parses {@code Retry-After}: delta-seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration left = Duration.between(now, at);
        return left.isNegative() ? Duration.ZERO : left;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
