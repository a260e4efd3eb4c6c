package io.tocsin.rules.samples;

import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.model.Event;
import io.tocsin.model.ingest.EventNormalizer;
import io.tocsin.model.ingest.InvalidEventException;
import io.tocsin.rules.PackPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a policy's samples through a real {@link DetectionEngine} holding that policy alone.
 *
 * <p>A sample is either one event or a scenario {@code {events: [e1, e2, ...], repeat: n}}. A
 * single event is replayed as many times as the policy's largest threshold count (once for a policy
 * without threshold), so a threshold positive crosses the threshold. A scenario is replayed as
 * written, {@code repeat} times (default 1): that is how a sequence is written, and how a negative
 * shows that one event fewer than the threshold stays quiet. Events get an {@code id} and a {@code
 * ts} 100 ms apart; each sample starts a week after the previous one, so correlation windows and
 * suppression never carry over, and event time is then moved three days on so absence timers fall
 * due. A positive passes when the policy fires; a negative when it does not.
 */
public final class SampleRunner {

  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final Duration SPACING = Duration.ofMillis(100);
  static final Duration SLOT = Duration.ofDays(7);
  static final Duration SETTLE = Duration.ofDays(3);

  private final EventNormalizer normalizer =
      new EventNormalizer(Clock.fixed(START, ZoneOffset.UTC));

  /** Runs every sample of {@code policy} with the given named lists and macros. */
  public List<SampleResult> run(
      PackPolicy policy, Map<String, List<String>> lists, Map<String, String> macros) {
    PolicyDefinition definition = policy.definition().withEnabled(true);
    List<SampleResult> results = new ArrayList<>();
    try (DetectionEngine engine = DetectionEngine.create("samples")) {
      LoadResult loaded = engine.reload(List.of(definition), lists, macros);
      if (!loaded.ok()) {
        results.add(
            new SampleResult(
                true,
                0,
                0,
                List.of(),
                false,
                "policy does not load: " + loaded.describe().strip()));
        return results;
      }
      int repeat = defaultRepeat(definition);
      int slot = 0;
      for (int i = 0; i < policy.positive().size(); i++) {
        results.add(replay(engine, definition, policy.positive().get(i), true, i, repeat, slot++));
      }
      for (int i = 0; i < policy.negative().size(); i++) {
        results.add(replay(engine, definition, policy.negative().get(i), false, i, repeat, slot++));
      }
    }
    return results;
  }

  /** Runs every sample with no lists or macros. */
  public List<SampleResult> run(PackPolicy policy) {
    return run(policy, Map.of(), Map.of());
  }

  static int defaultRepeat(PolicyDefinition policy) {
    return policy.rules().stream()
        .map(RuleDefinition::threshold)
        .filter(t -> t != null)
        .mapToInt(t -> Math.max(1, t.count()))
        .max()
        .orElse(1);
  }

  @SuppressWarnings("unchecked")
  private SampleResult replay(
      DetectionEngine engine,
      PolicyDefinition policy,
      Map<String, Object> sample,
      boolean positive,
      int index,
      int defaultRepeat,
      int slot) {
    List<Map<String, Object>> scenario;
    int repeat;
    if (sample.get("events") instanceof List<?> events) {
      scenario = (List<Map<String, Object>>) events;
      repeat = sample.get("repeat") instanceof Integer n ? n : 1;
    } else {
      scenario = List.of(sample);
      repeat = defaultRepeat;
    }
    Instant start = START.plus(SLOT.multipliedBy(slot));
    List<Event> events = new ArrayList<>();
    String tag = (positive ? "p" : "n") + index;
    try {
      for (int r = 0; r < repeat; r++) {
        for (Map<String, Object> raw : scenario) {
          Map<String, Object> copy = new LinkedHashMap<>(raw);
          copy.put("id", "sample-" + policy.id() + "-" + tag + "-" + events.size());
          copy.put("ts", start.plus(SPACING.multipliedBy(events.size())).toString());
          events.add(normalizer.normalize(copy, "samples"));
        }
      }
    } catch (InvalidEventException e) {
      return new SampleResult(
          positive, index, 0, List.of(), false, "invalid event: " + e.getMessage());
    }
    List<Detection> detections = new ArrayList<>(engine.evaluate(events));
    detections.addAll(engine.advanceTo(start.plus(SETTLE)));
    List<String> fired =
        detections.stream()
            .filter(d -> policy.id().equals(d.policyId()))
            .map(Detection::ruleId)
            .distinct()
            .toList();
    boolean passed = positive != fired.isEmpty();
    String message =
        passed
            ? ""
            : positive
                ? "expected the policy to fire on " + events.size() + " event(s), it did not"
                : "expected no detection, rule(s) " + fired + " fired";
    return new SampleResult(positive, index, events.size(), fired, passed, message);
  }
}
