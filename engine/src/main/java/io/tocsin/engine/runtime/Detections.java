package io.tocsin.engine.runtime;

import io.tocsin.engine.Detection;
import io.tocsin.engine.correlation.Fired;
import io.tocsin.engine.correlation.GroupKey;
import io.tocsin.engine.policy.ValidatedRule;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds {@link Detection}s from matches and correlation firings. */
final class Detections {

  private Detections() {}

  static Detection single(String tenantId, ValidatedRule rule, Event event, long ts) {
    GroupKey key =
        rule.suppression().map(s -> GroupKey.of(s.groupBy(), event)).orElse(GroupKey.NONE);
    return build(tenantId, rule, key, List.of(event), 1, ts, ts, "condition matched");
  }

  static Detection fired(String tenantId, ValidatedRule rule, Fired fired) {
    return build(
        tenantId,
        rule,
        fired.key(),
        fired.events(),
        fired.count(),
        fired.firstMillis(),
        fired.lastMillis(),
        fired.reason());
  }

  private static Detection build(
      String tenantId,
      ValidatedRule rule,
      GroupKey key,
      List<Event> events,
      long count,
      long first,
      long last,
      String reason) {
    Event firstEvent = events.isEmpty() ? null : events.get(0);
    String seed =
        rule.key()
            + "|"
            + key.values()
            + "|"
            + first
            + "|"
            + (firstEvent == null ? "" : firstEvent.id());
    String id =
        new UUID(hash(seed, 0xcbf29ce484222325L), hash(seed, 0x9ae16a3b2f90404fL)).toString();
    return new Detection(
        id,
        Detection.Kind.NEW,
        tenantId,
        rule.policyId(),
        rule.policyName(),
        rule.ruleId(),
        rule.severity(),
        rule.action(),
        rule.definition().parameters(),
        key.asMap(),
        events,
        riskScore(rule, events),
        rule.mitreTags(),
        count,
        Instant.ofEpochMilli(first),
        Instant.ofEpochMilli(last),
        reason);
  }

  /** 64-bit FNV-1a over the chars, then a murmur finalizer: cheap, stable, well spread. */
  private static long hash(String s, long seed) {
    long h = seed;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** Severity's base score plus 2 per {@code risk_hints} entry (at most +10), capped at 100. */
  static int riskScore(ValidatedRule rule, List<Event> events) {
    int hints = 0;
    for (Event e : events) {
      if (e.get("risk_hints") instanceof List<?> l) {
        hints = Math.max(hints, l.size());
      }
    }
    return Math.min(100, rule.severity().riskScore() + Math.min(10, 2 * hints));
  }
}
