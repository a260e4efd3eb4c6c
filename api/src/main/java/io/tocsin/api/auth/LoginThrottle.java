package io.tocsin.api.auth;

import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Refuses logins for a username from one client address after too many failures inside a window
 * (429 with {@code X-RateLimit-*} and {@code Retry-After}). In memory, per instance.
 */
@Component
class LoginThrottle {

  private static final int MAX_TRACKED = 100_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(TocsinProperties properties, Clock clock) {
    this.maxFailures = properties.login().maxFailures();
    this.window = properties.login().window();
    this.clock = clock;
  }

  /** Throws 429 if this username and address are locked out. */
  void check(String username, String address) {
    Instant now = clock.instant();
    Failures f = failures.get(key(username, address));
    if (f == null || f.expired(now, window) || f.count < maxFailures) {
      return;
    }
    Instant reset = f.since.plus(window);
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-RateLimit-Limit", Integer.toString(maxFailures));
    headers.set("X-RateLimit-Remaining", "0");
    headers.set("X-RateLimit-Reset", Long.toString(reset.getEpochSecond()));
    headers.set(
        HttpHeaders.RETRY_AFTER,
        Long.toString(Math.max(1, Duration.between(now, reset).toSeconds())));
    throw new ApiException(
        ErrorCode.RATE_LIMITED,
        "Too many failed logins; try again later",
        Map.of("retry_after_seconds", Duration.between(now, reset).toSeconds()),
        headers);
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(f -> f.expired(now, window));
    }
    failures.compute(
        key(username, address),
        (k, f) -> f == null || f.expired(now, window) ? new Failures(now, 1) : f.plusOne());
  }

  void succeeded(String username, String address) {
    failures.remove(key(username, address));
  }

  private static String key(String username, String address) {
    return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "|" + address;
  }

  private record Failures(Instant since, int count) {
    boolean expired(Instant now, Duration window) {
      return !now.isBefore(since.plus(window));
    }

    Failures plusOne() {
      return new Failures(since, count + 1);
    }
  }
}
