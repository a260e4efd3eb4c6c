package io.tocsin.engine.policy;

import java.util.Locale;
import java.util.Optional;

/** Rule severity and the default risk score it maps to (Elastic Security's 21/47/73/99 scale). */
public enum Severity {
  LOW(21),
  MEDIUM(47),
  HIGH(73),
  CRITICAL(99);

  private final int riskScore;

  Severity(int riskScore) {
    this.riskScore = riskScore;
  }

  public int riskScore() {
    return riskScore;
  }

  /** The wire name, e.g. {@code high}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Severity s : values()) {
      if (s.wireName().equalsIgnoreCase(text.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
