package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.list.NamedValues;
import io.tocsin.api.policy.BacktestViews.BacktestAlert;
import io.tocsin.api.policy.BacktestViews.BacktestReport;
import io.tocsin.api.query.QueryGuard;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.eval.EvalBudget;
import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.EngineConfig;
import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Runs a policy over stored events with a private, throwaway engine and returns the alerts it would
 * have raised. Nothing is written: the engine is never registered and is closed afterwards. Event
 * time drives the engine, so correlation and suppression behave as they would have live; absence
 * timers are advanced to the end of the range.
 */
@Service
class Backtests {

  static final int DEFAULT_EVENTS = 10_000;
  static final int MAX_EVENTS = 100_000;
  static final int MAX_ALERTS = 1_000;
  static final Duration DEFAULT_RANGE = Duration.ofHours(24);
  private static final int BATCH = 1_000;

  private final EventStore events;
  private final NamedValues named;
  private final DefinitionValidator validator;
  private final Clock clock;
  private final QueryGuard guard;
  private final RuleCosts costs;

  Backtests(
      EventStore events,
      NamedValues named,
      DefinitionValidator validator,
      Clock clock,
      QueryGuard guard,
      RuleCosts costs) {
    this.events = events;
    this.named = named;
    this.validator = validator;
    this.clock = clock;
    this.guard = guard;
    this.costs = costs;
  }

  /**
   * @param body {@code {"policy": {...}, "start_time", "end_time", "limit"}}, or a bare policy body
   *     with the range in the query parameters
   */
  BacktestReport run(
      String tenantId,
      Map<String, Object> body,
      String startParam,
      String endParam,
      Integer limitParam) {
    return guard.run(
        tenantId,
        QueryGuard.Kind.BACKTEST,
        budget -> run(tenantId, body, startParam, endParam, limitParam, budget));
  }

  @SuppressWarnings("unchecked")
  private BacktestReport run(
      String tenantId,
      Map<String, Object> body,
      String startParam,
      String endParam,
      Integer limitParam,
      EvalBudget budget) {
    Map<String, Object> policyBody = body;
    String start = startParam;
    String end = endParam;
    Object limit = limitParam;
    if (body != null && body.get("policy") instanceof Map<?, ?> wrapped) {
      policyBody = (Map<String, Object>) wrapped;
      start = body.get("start_time") instanceof String s ? s : start;
      end = body.get("end_time") instanceof String s ? s : end;
      limit = body.get("limit") != null ? body.get("limit") : limit;
    }
    Instant to = end == null ? clock.instant() : instant(end, "end_time");
    Instant from = start == null ? to.minus(DEFAULT_RANGE) : instant(start, "start_time");
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("start_time must be before end_time");
    }
    int maxEvents = limit(limit);
    PolicyDocument.Parsed parsed = PolicyDocument.read(policyBody);
    if (!parsed.problems().isEmpty()) {
      throw DefinitionValidator.invalid(
          "Policy is invalid", parsed.problems().stream().map(d -> Problem.of(d, null)).toList());
    }
    String policyId = parsed.id() == null ? "backtest" : PolicyService.checkId(parsed.id());
    PolicyDefinition policy = parsed.definition(policyId, true).withEnabled(true);
    TenantDefinitions defs =
        new TenantDefinitions(List.of(policy), named.lists(tenantId), named.macros(tenantId));
    List<Problem> problems = validator.require(defs, policyId, "Policy is invalid");
    costs.require(policy, ConditionContext.of(defs.lists(), defs.macros()));
    long started = System.nanoTime();
    List<Event> scanned = events.findInRange(tenantId, from, to, maxEvents, budget.limit());
    budget.check();
    Map<String, BacktestAlert> alerts = new LinkedHashMap<>();
    try (DetectionEngine engine =
        DetectionEngine.create(
            "backtest:" + tenantId, new DslLanguage(), EngineConfig.defaults(), clock)) {
      LoadResult loaded = engine.reload(List.of(policy), defs.lists(), defs.macros());
      if (!loaded.ok()) {
        throw DefinitionValidator.invalid(
            "Policy is invalid",
            loaded.errors().stream().map(d -> Problem.of(d, policyId)).toList());
      }
      for (int i = 0; i < scanned.size(); i += BATCH) {
        budget.check();
        collect(alerts, engine.evaluate(scanned.subList(i, Math.min(scanned.size(), i + BATCH))));
      }
      collect(alerts, engine.advanceTo(to));
    }
    List<BacktestAlert> list = new ArrayList<>(alerts.values());
    return new BacktestReport(
        list.size() > MAX_ALERTS ? list.subList(0, MAX_ALERTS) : list,
        list.size(),
        scanned.size(),
        scanned.size() >= maxEvents,
        from,
        to,
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        problems.stream().filter(p -> p.policyId() == null && !p.isError()).toList());
  }

  private static void collect(Map<String, BacktestAlert> alerts, List<Detection> detections) {
    for (Detection d : detections) {
      BacktestAlert existing = alerts.get(d.id());
      if (d.kind() == Detection.Kind.UPDATE && existing != null) {
        alerts.put(d.id(), existing.updatedBy(d));
      } else if (existing == null) {
        alerts.put(d.id(), BacktestAlert.of(d));
      }
    }
  }

  private static Instant instant(String text, String name) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got [" + text + "]");
    }
  }

  private static int limit(Object value) {
    if (value == null) {
      return DEFAULT_EVENTS;
    }
    if (!(value instanceof Integer n) || n < 1 || n > MAX_EVENTS) {
      throw ApiException.badRequest("limit must be an integer between 1 and " + MAX_EVENTS);
    }
    return n;
  }
}
