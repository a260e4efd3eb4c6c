package io.tocsin.engine.policy;

import java.time.Duration;
import java.util.List;

/** Validated {@code suppress}: one detection per rule and group key per {@code period}. */
public record Suppression(Duration period, List<String> groupBy) {
  public Suppression {
    groupBy = List.copyOf(groupBy);
  }
}
