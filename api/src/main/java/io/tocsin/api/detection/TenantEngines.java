package io.tocsin.api.detection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.EngineConfig;
import io.tocsin.engine.RuleTiming;
import io.tocsin.engine.condition.DslLanguage;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The detection engine of every tenant, built lazily at first use from the stored policies, lists
 * and macros, and reloaded (coalesced, off the caller's thread) whenever one of them changes.
 * Reloading the whole set keeps the correlation state of unchanged rules; a set that fails to
 * validate or compile never replaces the working one. Thread-safe.
 */
@Component
public class TenantEngines implements DisposableBean {

  private final DefinitionStore store;
  private final DefinitionValidator validator;
  private final DefinitionRevisions revisions;
  private final Clock clock;
  private final MeterRegistry meters;
  private final ConcurrentMap<String, EngineHolder> engines = new ConcurrentHashMap<>();

  /** The definition revision each loaded engine has read (or is about to read). */
  private final ConcurrentMap<String, Long> loadedRevisions = new ConcurrentHashMap<>();

  private final ExecutorService reloads;

  /** {@code local} for this server's engines, {@code partition-N} for a Kafka worker's. */
  private final String scope;

  private final List<Meter> registered = new CopyOnWriteArrayList<>();

  @Autowired
  TenantEngines(
      DefinitionStore store,
      DefinitionValidator validator,
      DefinitionRevisions revisions,
      Clock clock,
      MeterRegistry meters) {
    this(store, validator, revisions, clock, meters, "local");
  }

  TenantEngines(
      DefinitionStore store,
      DefinitionValidator validator,
      DefinitionRevisions revisions,
      Clock clock,
      MeterRegistry meters,
      String scope) {
    this.scope = scope;
    this.store = store;
    this.validator = validator;
    this.revisions = revisions;
    this.clock = clock;
    this.meters = meters;
    AtomicInteger n = new AtomicInteger();
    this.reloads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "tocsin-policy-reload-" + scope + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    registered.add(
        Gauge.builder("tocsin.engine.tenants", engines, Map::size)
            .description("Tenant detection engines loaded on this node")
            .tag("scope", scope)
            .register(meters));
  }

  /**
   * Evaluates a batch of the tenant's events; the first call for a tenant builds its engine from
   * the store (synchronously). Returns new detections and updates of suppressed ones.
   */
  public List<Detection> evaluate(String tenantId, List<Event> events) {
    EngineHolder holder = holder(tenantId);
    holder.ensureLoaded();
    return holder.engine.evaluate(events);
  }

  /**
   * Call after changing the tenant's stored definitions: raises the tenant's revision (so the other
   * servers reload too, see {@link #syncWithStore()}) and reloads this server's engine if it is
   * loaded (otherwise it will read the store at first use). Requests made while a reload is queued
   * share it.
   */
  public CompletableFuture<ReloadOutcome> requestReload(String tenantId) {
    long revision = revisions.bump(tenantId);
    EngineHolder holder = engines.get(tenantId);
    if (holder == null) {
      return CompletableFuture.completedFuture(ReloadOutcome.notLoaded(clock.instant()));
    }
    loadedRevisions.merge(tenantId, revision, Math::max);
    return holder.requestRefresh(reloads);
  }

  /**
   * Reloads every engine of this server whose tenant's definitions were changed (through any
   * server) since the engine last read them. Run every {@code tocsin.engine.sync-interval}.
   *
   * @return the tenants reloaded
   */
  public List<String> syncWithStore() {
    List<String> reloaded = new ArrayList<>();
    for (Map.Entry<String, Long> stored : revisions.all().entrySet()) {
      String tenantId = stored.getKey();
      EngineHolder holder = engines.get(tenantId);
      Long seen = loadedRevisions.get(tenantId);
      if (holder != null && (seen == null || seen < stored.getValue())) {
        loadedRevisions.merge(tenantId, stored.getValue(), Math::max);
        holder.requestRefresh(reloads);
        reloaded.add(tenantId);
      }
    }
    return reloaded;
  }

  /** The last reload of the tenant's engine. */
  /** Per tenant with an engine, its {@code n} slowest rules (see {@link RuleTiming}). */
  public Map<String, List<RuleTiming>> slowestRules(int n) {
    Map<String, List<RuleTiming>> out = new java.util.TreeMap<>();
    engines.forEach((tenant, holder) -> out.put(tenant, holder.engine.slowestRules(n)));
    return out;
  }

  public ReloadOutcome status(String tenantId) {
    EngineHolder holder = engines.get(tenantId);
    return holder == null ? ReloadOutcome.notLoaded(clock.instant()) : holder.last();
  }

  /**
   * Moves the event time of every loaded engine with absence rules to {@code now}, firing absence
   * timers that fell due. Engines without absence rules are left alone: moving their watermark to
   * the wall clock would make replayed or delayed events late for their correlation windows.
   */
  public Map<String, List<Detection>> advanceTo(Instant now) {
    Map<String, List<Detection>> fired = new LinkedHashMap<>();
    for (EngineHolder holder : new ArrayList<>(engines.values())) {
      if (holder.loaded() && holder.hasAbsence()) {
        List<Detection> detections = holder.engine.advanceTo(now);
        if (!detections.isEmpty()) {
          fired.put(holder.tenantId, detections);
        }
      }
    }
    return fired;
  }

  private EngineHolder holder(String tenantId) {
    EngineHolder existing = engines.get(tenantId);
    return existing != null ? existing : engines.computeIfAbsent(tenantId, this::create);
  }

  private EngineHolder create(String tenantId) {
    // Read before the engine loads the definitions: a change landing in between raises the
    // revision past this one, and the next sync reloads.
    loadedRevisions.put(tenantId, revisions.current(tenantId));
    DetectionEngine engine =
        DetectionEngine.create(tenantId, new DslLanguage(), EngineConfig.defaults(), clock);
    EngineHolder holder = new EngineHolder(tenantId, engine, store, validator, clock);
    registered.add(
        Gauge.builder("tocsin.engine.policies", holder, EngineHolder::enabledPolicies)
            .description("Enabled policies loaded in the tenant's engine")
            .tags("tenant", tenantId, "scope", scope)
            .register(meters));
    registered.add(
        Gauge.builder("tocsin.engine.generation", engine, DetectionEngine::generation)
            .description("Compiled policy-set generation in use")
            .tags("tenant", tenantId, "scope", scope)
            .register(meters));
    registered.add(
        FunctionCounter.builder("tocsin.engine.reload.failures", holder, EngineHolder::failures)
            .description("Reloads that failed or were rejected (the previous set stayed in use)")
            .tags("tenant", tenantId, "scope", scope)
            .register(meters));
    return holder;
  }

  @Override
  public void destroy() {
    reloads.shutdownNow();
    engines.values().forEach(h -> h.engine.close());
    registered.forEach(meters::remove);
  }
}
