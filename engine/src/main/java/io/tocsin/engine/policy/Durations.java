package io.tocsin.engine.policy;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses policy durations written like the language's duration literals: {@code 500ms 30s 5m 1h
 * 2d}.
 */
public final class Durations {

  private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,9})\\s*(ms|s|m|h|d)\\s*");

  private Durations() {}

  /** The duration, or empty when the text is not a positive duration. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    if (n <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
  }
}
