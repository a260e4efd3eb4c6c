package io.tocsin.engine;

import io.tocsin.engine.condition.ConditionLanguage;
import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.engine.policy.LoadDiagnostic;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.PolicyLoader;
import io.tocsin.engine.policy.PolicySet;
import io.tocsin.engine.runtime.Generation;
import io.tocsin.engine.runtime.Pipeline;
import io.tocsin.engine.runtime.ReloadCoalescer;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection engine of one tenant: evaluates events against the tenant's current policy set and
 * hot-reloads it.
 *
 * <p>Threading: {@link #evaluate} and {@link #advanceTo} may be called from any thread; they are
 * serialized by one lock (a Drools session and the correlation state are single-threaded), so one
 * engine uses at most one core — scale out with one engine per tenant or per partition. Reloads
 * validate and compile outside that lock (evaluation goes on with the old set meanwhile) and swap
 * the new generation in under it; reloads are serialized among themselves. {@link #metrics} may be
 * called from any thread (it takes the lock briefly to size the correlation state).
 *
 * <p>Time: event time ({@code ts}) drives everything — the session's pseudo clock, correlation
 * windows, suppression periods, absence deadlines — so live evaluation, replay and backtests agree.
 * See docs/engine.md.
 */
public final class DetectionEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DetectionEngine.class);

  private final String tenantId;
  private final ConditionLanguage language;
  private final PolicyLoader loader;
  private final Pipeline pipeline;
  private final ReentrantLock lock = new ReentrantLock();
  private final Object reloadMutex = new Object();
  private final ExecutorService reloadThread;
  private final ReloadCoalescer<Request, LoadResult> coalescer;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile Generation current;

  private DetectionEngine(
      String tenantId, ConditionLanguage language, EngineConfig config, Clock clock) {
    this.tenantId = tenantId;
    this.language = language;
    this.loader = new PolicyLoader(language);
    this.pipeline = new Pipeline(tenantId, config, clock);
    this.reloadThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "tocsin-engine-reload-" + tenantId);
              t.setDaemon(true);
              return t;
            });
    this.coalescer =
        new ReloadCoalescer<>(
            reloadThread, r -> reload(r.policies, r.lists, r.macros, false, r.validated));
  }

  /** An engine using the condition language of the dsl module, default bounds, the UTC clock. */
  public static DetectionEngine create(String tenantId) {
    return create(tenantId, new DslLanguage(), EngineConfig.defaults(), Clock.systemUTC());
  }

  /**
   * @param clock stands in for event time when an event has no {@code ts}
   */
  public static DetectionEngine create(
      String tenantId, ConditionLanguage language, EngineConfig config, Clock clock) {
    return new DetectionEngine(tenantId, language, config, clock);
  }

  public String tenantId() {
    return tenantId;
  }

  /** Evaluates a batch; returns new detections and updates of suppressed ones, in event order. */
  public List<Detection> evaluate(List<Event> events) {
    return locked(() -> pipeline.evaluate(events));
  }

  public List<Detection> evaluate(Event event) {
    return evaluate(List.of(event));
  }

  /**
   * Moves event time forward to {@code time} (never back) without events, firing absence timers
   * that fall due. Live deployments call it from a timer with the wall clock; replays do not.
   */
  public List<Detection> advanceTo(Instant time) {
    return locked(() -> pipeline.advanceTo(time));
  }

  /** Validates a policy set without applying it (the API's validate endpoint). */
  public LoadResult validate(
      List<PolicyDefinition> policies,
      Map<String, List<String>> lists,
      Map<String, String> macros) {
    return loader.load(policies, lists, macros);
  }

  /**
   * Validates, compiles and applies a policy set. Nothing changes unless the whole set is valid and
   * compiles. Correlation state of rules whose fingerprint is unchanged is kept; suppression
   * windows of rules that still exist are kept. An empty set never replaces a non-empty one here:
   * use {@link #clear()}.
   */
  public LoadResult reload(
      List<PolicyDefinition> policies,
      Map<String, List<String>> lists,
      Map<String, String> macros) {
    return reload(policies, lists, macros, false, null);
  }

  /** Removes every policy (explicitly: {@link #reload} refuses an empty set). */
  public LoadResult clear() {
    return reload(List.of(), Map.of(), Map.of(), true, null);
  }

  /**
   * Asynchronous, coalesced {@link #reload}: while a build runs, newer requests replace older
   * pending ones; every returned future completes with the result of the build that covered it.
   */
  public CompletableFuture<LoadResult> requestReload(
      List<PolicyDefinition> policies,
      Map<String, List<String>> lists,
      Map<String, String> macros) {
    return coalescer.submit(new Request(policies, lists, macros, null));
  }

  /**
   * Coalesced reload of a set the caller has already validated with a {@link
   * io.tocsin.engine.policy.PolicyLoader} of this engine's condition language: only compiles, so a
   * change validated before it was stored is not validated a second time when applied. A result
   * with errors is rejected like an invalid set.
   */
  public CompletableFuture<LoadResult> requestReload(LoadResult validated) {
    PolicySet set = validated.policySet().orElse(null);
    return coalescer.submit(
        set == null
            ? new Request(List.of(), Map.of(), Map.of(), validated)
            : new Request(set.policies(), set.lists(), set.macros(), validated));
  }

  private LoadResult reload(
      List<PolicyDefinition> policies,
      Map<String, List<String>> lists,
      Map<String, String> macros,
      boolean allowEmpty,
      LoadResult validated) {
    synchronized (reloadMutex) {
      LoadResult result = validated != null ? validated : loader.load(policies, lists, macros);
      if (!result.ok()) {
        return reject(result, "invalid policy set");
      }
      PolicySet set = result.policySet().orElseThrow();
      Generation old = current;
      if (set.policies().isEmpty()
          && !allowEmpty
          && old != null
          && !old.policySet().policies().isEmpty()) {
        return reject(
            withError(
                result,
                "EMPTY_POLICY_SET",
                "an empty policy set does not replace a non-empty one; use clear()"),
            "empty policy set");
      }
      long number = old == null ? 1 : old.number() + 1;
      Generation next;
      try {
        next = Generation.compile(number, set, language);
      } catch (RuntimeException e) {
        log.error(
            "tenant {}: policy set failed to compile, keeping generation {}",
            tenantId,
            old == null ? 0 : old.number(),
            e);
        return reject(
            withError(result, "COMPILE_FAILED", "policy set failed to compile: " + e.getMessage()),
            "compile failure");
      }
      locked(
          () -> {
            pipeline.install(next);
            current = next;
            return null;
          });
      applied.incrementAndGet();
      log.info(
          "tenant {}: generation {} applied ({} rules, {})",
          tenantId,
          number,
          set.rules().size(),
          next.matchers().stats());
      return result;
    }
  }

  private LoadResult reject(LoadResult result, String why) {
    rejected.incrementAndGet();
    log.warn(
        "tenant {}: reload rejected ({}), keeping the current set:\n{}",
        tenantId,
        why,
        result.describe());
    return result;
  }

  private static LoadResult withError(LoadResult result, String code, String message) {
    List<LoadDiagnostic> all = new ArrayList<>(result.diagnostics());
    all.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, code, null, "", message));
    return new LoadResult(all, Optional.empty());
  }

  /** The applied policy set, or null before the first successful reload. */
  public PolicySet policySet() {
    Generation g = current;
    return g == null ? null : g.policySet();
  }

  /** The applied generation number, 0 before the first successful reload. */
  public long generation() {
    Generation g = current;
    return g == null ? 0 : g.number();
  }

  /**
   * The {@code n} rules of the current generation whose conditions took the most time so far,
   * slowest first (sampled estimates of the checks Drools cannot hash).
   */
  public List<RuleTiming> slowestRules(int n) {
    Generation g = current;
    return g == null ? List.of() : g.slowestRules(n);
  }

  public EngineMetrics metrics() {
    Generation g = current;
    var c = pipeline.counters();
    var corr = pipeline.correlation();
    long wm = pipeline.watermark();
    return new EngineMetrics(
        g == null ? 0 : g.number(),
        g == null ? 0 : g.policySet().rules().size(),
        g == null ? null : g.matchers().stats(),
        c.events(),
        c.lateEvents(),
        c.matches(),
        c.vetoed(),
        c.detections(),
        c.updates(),
        pipeline.suppressed(),
        locked(corr::groups),
        locked(corr::estimatedBytes),
        corr.metrics().evictions(),
        corr.metrics().expirations(),
        corr.metrics().lateDropped(),
        locked(pipeline::suppressionWindows),
        pipeline.suppressionEvictions(),
        applied.get(),
        rejected.get(),
        coalescer.coalesced(),
        wm == Long.MIN_VALUE ? null : Instant.ofEpochMilli(wm));
  }

  private <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    reloadThread.shutdownNow();
    locked(
        () -> {
          pipeline.close();
          return null;
        });
  }

  /** A reload to coalesce; {@code validated} is null when the engine must validate the set. */
  private record Request(
      List<PolicyDefinition> policies,
      Map<String, List<String>> lists,
      Map<String, String> macros,
      LoadResult validated) {}
}
