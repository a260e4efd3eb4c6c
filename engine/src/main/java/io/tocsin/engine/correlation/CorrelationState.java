package io.tocsin.engine.correlation;

import io.tocsin.engine.policy.Correlation;
import io.tocsin.engine.policy.ValidatedRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All correlation trackers of one engine, keyed by rule fingerprint. A reload calls {@link
 * #retainOnly}: trackers of rules whose fingerprint is unchanged carry over untouched (their
 * partial windows, sequences and timers keep counting); the rest are dropped. Not thread-safe.
 */
public final class CorrelationState {

  private final Map<String, Tracker> trackers = new HashMap<>();
  private final int maxGroups;
  private final int maxEvents;
  private final CorrelationMetrics metrics = new CorrelationMetrics();

  public CorrelationState(int maxGroups, int maxEvents) {
    this.maxGroups = maxGroups;
    this.maxEvents = maxEvents;
  }

  /** The tracker of a correlated rule, created on first use; null for a stateless rule. */
  public Tracker trackerFor(ValidatedRule rule) {
    Correlation c = rule.correlation();
    if (c instanceof Correlation.None) {
      return null;
    }
    return trackers.computeIfAbsent(rule.fingerprint(), f -> create(c));
  }

  private Tracker create(Correlation c) {
    if (c instanceof Correlation.Threshold t) {
      return new ThresholdTracker(t, maxGroups, maxEvents, metrics);
    }
    if (c instanceof Correlation.Sequence s) {
      return new SequenceTracker(s, maxGroups, metrics);
    }
    return new AbsenceTracker((Correlation.Absence) c, maxGroups, metrics);
  }

  /**
   * Keeps the trackers of {@code rules} (by fingerprint), drops the rest; returns how many kept.
   */
  public int retainOnly(List<ValidatedRule> rules) {
    Set<String> keep = rules.stream().map(ValidatedRule::fingerprint).collect(Collectors.toSet());
    trackers.keySet().retainAll(keep);
    return trackers.size();
  }

  public void expire(long watermark) {
    trackers.values().forEach(t -> t.expire(watermark));
  }

  public int groups() {
    return trackers.values().stream().mapToInt(Tracker::groups).sum();
  }

  public long estimatedBytes() {
    return trackers.values().stream().mapToLong(Tracker::estimatedBytes).sum();
  }

  public int trackers() {
    return trackers.size();
  }

  public CorrelationMetrics metrics() {
    return metrics;
  }
}
