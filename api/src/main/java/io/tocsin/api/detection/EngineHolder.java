package io.tocsin.api.detection;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.policy.Correlation;
import io.tocsin.engine.policy.LoadDiagnostic;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.PolicySet;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's engine, loaded from the store at first use and refreshed from the store on every
 * change. A refresh always reads the latest stored state, so coalesced requests lose nothing.
 */
final class EngineHolder {

  private static final Logger log = LoggerFactory.getLogger(EngineHolder.class);

  final String tenantId;
  final DetectionEngine engine;
  private final DefinitionStore store;
  private final DefinitionValidator validator;
  private final Clock clock;
  private final Object scheduling = new Object();
  private final AtomicLong failures = new AtomicLong();
  private CompletableFuture<ReloadOutcome> pending;
  private volatile boolean loaded;
  private volatile boolean hasAbsence;
  private volatile ReloadOutcome last;

  EngineHolder(
      String tenantId,
      DetectionEngine engine,
      DefinitionStore store,
      DefinitionValidator validator,
      Clock clock) {
    this.tenantId = tenantId;
    this.engine = engine;
    this.store = store;
    this.validator = validator;
    this.clock = clock;
    this.last = ReloadOutcome.notLoaded(clock.instant());
  }

  /** Builds the engine from the store on first use; later calls return at once. */
  void ensureLoaded() {
    if (!loaded) {
      synchronized (this) {
        if (!loaded) {
          refresh();
          loaded = true;
        }
      }
    }
  }

  /** Schedules a refresh; requests made before it starts share it. */
  CompletableFuture<ReloadOutcome> requestRefresh(Executor executor) {
    synchronized (scheduling) {
      if (pending == null) {
        pending = new CompletableFuture<>();
        executor.execute(this::runPending);
      }
      return pending;
    }
  }

  private void runPending() {
    CompletableFuture<ReloadOutcome> future;
    synchronized (scheduling) {
      future = pending;
      pending = null;
    }
    try {
      future.complete(refresh());
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      log.error("tenant {}: reloading policies failed", tenantId, e);
      future.completeExceptionally(e);
    }
  }

  /**
   * Loads the stored set and applies it through the engine's coalesced reload. The set is validated
   * through {@link DefinitionValidator}, which remembers the sets the write path just validated: a
   * change is validated once, when written, and only compiled here.
   */
  synchronized ReloadOutcome refresh() {
    TenantDefinitions defs = store.load(tenantId);
    LoadResult result =
        defs.policies().isEmpty()
            ? engine.clear()
            : engine.requestReload(validator.validate(defs)).join();
    PolicySet set = engine.policySet();
    hasAbsence =
        set != null
            && set.rules().stream().anyMatch(r -> r.correlation() instanceof Correlation.Absence);
    String status = !result.ok() ? "rejected" : defs.policies().isEmpty() ? "cleared" : "applied";
    if (!result.ok()) {
      failures.incrementAndGet();
      log.error(
          "tenant {}: stored policy set rejected, generation {} stays in use:\n{}",
          tenantId,
          engine.generation(),
          result.describe());
    }
    last =
        new ReloadOutcome(
            status,
            engine.generation(),
            enabledPolicies(),
            result.errors().stream().map(LoadDiagnostic::toString).toList(),
            clock.instant());
    return last;
  }

  boolean loaded() {
    return loaded;
  }

  boolean hasAbsence() {
    return hasAbsence;
  }

  ReloadOutcome last() {
    return last;
  }

  long failures() {
    return failures.get();
  }

  int enabledPolicies() {
    PolicySet set = engine.policySet();
    if (set == null) {
      return 0;
    }
    List<PolicyDefinition> policies = set.policies();
    return (int) policies.stream().filter(PolicyDefinition::enabled).count();
  }
}
