package io.tocsin.engine;

import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A match, as a plain object. The engine never acts on it: the caller writes the alert and runs the
 * action after evaluation, outside the Drools session.
 *
 * @param id deterministic (rule, group key, first event): replaying the same events yields the same
 *     ids, so alert writes can be idempotent; an {@link Kind#UPDATE} carries the id of the
 *     detection it updates
 * @param kind {@link Kind#NEW} for a new detection, {@link Kind#UPDATE} when later matches were
 *     suppressed into an open one ({@code count} is then the new total)
 * @param groupKey the group-by values (threshold, sequence, absence or suppression fields)
 * @param events the triggering events, oldest first (bounded by {@code maxEventsPerDetection})
 * @param riskScore 0–100, from severity plus the events' {@code risk_hints}
 * @param mitreTags the policy's {@code attack.*} tags
 * @param count matching events represented (threshold count, sequence steps, suppressed total)
 * @param reason why it fired, e.g. {@code 5 events within PT1M}
 */
public record Detection(
    String id,
    Kind kind,
    String tenantId,
    String policyId,
    String policyName,
    String ruleId,
    Severity severity,
    Action action,
    Map<String, Object> parameters,
    Map<String, Object> groupKey,
    List<Event> events,
    int riskScore,
    List<String> mitreTags,
    long count,
    Instant firstSeen,
    Instant lastSeen,
    String reason) {

  public Detection {
    events = List.copyOf(events);
    mitreTags = List.copyOf(mitreTags);
  }

  /** New detection or an update of an open (suppressing) one. */
  public enum Kind {
    NEW,
    UPDATE
  }

  /** The same detection as an update with a new total and last-seen time. */
  public Detection asUpdate(long newCount, Instant newLastSeen, List<Event> newEvents) {
    return new Detection(
        id,
        Kind.UPDATE,
        tenantId,
        policyId,
        policyName,
        ruleId,
        severity,
        action,
        parameters,
        groupKey,
        newEvents,
        riskScore,
        mitreTags,
        newCount,
        firstSeen,
        newLastSeen,
        reason);
  }
}
