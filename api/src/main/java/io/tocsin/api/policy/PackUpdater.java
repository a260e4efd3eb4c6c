package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.detection.TenantLocks;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.policy.PackViews.PackModifiedPolicy;
import io.tocsin.api.policy.PackViews.PackTunedPolicy;
import io.tocsin.api.policy.PackViews.PackUpdateReport;
import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.pack.Pack;
import io.tocsin.rules.pack.SemanticVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Updates an installed pack to the version the server offers, keeping the tenant's changes. Per
 * pack policy, comparing the tenant's stored policy with the version the pack shipped (the base):
 *
 * <ul>
 *   <li>untouched: replaced by the new version ({@code updated});
 *   <li>tuned (enabled, rule severity, exceptions, suppression): the new version with the tuning
 *       carried over ({@code updated_kept_tuning});
 *   <li>edited in any other way: kept as the tenant wrote it ({@code kept_modified}, with the
 *       edited members);
 *   <li>deleted by the tenant: stays deleted ({@code skipped_deleted});
 *   <li>new in the pack: added ({@code added}), disabled while the pack is disabled;
 *   <li>gone from the pack: deleted when untouched ({@code removed}), else kept.
 * </ul>
 *
 * The tenant's whole resulting set is validated before anything is written, and written all or
 * nothing. With {@code dry_run} the same report is returned and nothing changes.
 */
@Service
class PackUpdater {

  private final PackCatalog catalog;
  private final PackInstalls installs;
  private final PolicyService policies;
  private final PolicyStore store;
  private final DefinitionStore definitions;
  private final DefinitionValidator validator;
  private final TenantLocks locks;
  private final TenantEngines engines;
  private final Clock clock;

  PackUpdater(
      PackCatalog catalog,
      PackInstalls installs,
      PolicyService policies,
      PolicyStore store,
      DefinitionStore definitions,
      DefinitionValidator validator,
      TenantLocks locks,
      TenantEngines engines,
      Clock clock) {
    this.catalog = catalog;
    this.installs = installs;
    this.policies = policies;
    this.store = store;
    this.definitions = definitions;
    this.validator = validator;
    this.locks = locks;
    this.engines = engines;
    this.clock = clock;
  }

  PackUpdateReport update(String tenantId, String packId, boolean dryRun, String user) {
    Pack next = catalog.get(packId);
    PackUpdateReport report = locks.withLock(tenantId, () -> plan(tenantId, next, dryRun, user));
    if (report.applied()) {
      engines.requestReload(tenantId);
    }
    return report;
  }

  private PackUpdateReport plan(String tenantId, Pack next, boolean dryRun, String user) {
    PackInstall install = installs.find(tenantId, next);
    if (install == null) {
      throw ApiException.badRequest(
          "Pack [" + next.id() + "] is not installed in this tenant: enable it first");
    }
    Report r = new Report(next, install, dryRun);
    if (SemanticVersion.parse(install.version()).compareTo(next.version()) >= 0) {
      return r.finish(true, false);
    }
    Map<String, PolicyRecord> stored = new LinkedHashMap<>();
    store.all(tenantId).forEach(rec -> stored.put(rec.policyId(), rec));
    Map<String, String> base = new LinkedHashMap<>(install.baseById());
    Map<String, String> nextBase = new LinkedHashMap<>();
    List<String> suspended = new ArrayList<>(install.suspended());
    PolicyChangeSet changes = new PolicyChangeSet();
    for (PolicyDefinition shipped : next.definitions()) {
      String id = shipped.id();
      PolicyDefinition policy = install.enabled() ? shipped : shipped.withEnabled(false);
      String shippedSource = PolicyStore.source(shipped);
      PolicyRecord current = stored.get(id);
      String was = base.remove(id);
      if (current == null) {
        nextBase.put(id, shippedSource);
        if (was == null) {
          changes.create(policy, true);
          r.added.add(id);
          if (!install.enabled()) {
            suspended.add(id);
          }
        } else {
          r.skippedDeleted.add(id);
        }
        continue;
      }
      if (was == null) {
        if (current.source().equals(shippedSource)) {
          nextBase.put(id, shippedSource);
          r.unchanged++;
        } else if (current.builtin()) {
          r.keptModified.add(new PackModifiedPolicy(id, List.of("installed before pack versions")));
        } else {
          r.skippedConflict.add(id);
        }
        continue;
      }
      if (current.source().equals(was)) {
        nextBase.put(id, shippedSource);
        PolicyDefinition replacement = shipped.withEnabled(current.enabled());
        if (PolicyStore.source(replacement).equals(current.source())) {
          r.unchanged++;
        } else {
          changes.update(current, replacement, true);
          r.updated.add(id);
        }
        continue;
      }
      PackTuning.Outcome outcome =
          PackTuning.merge(
              PolicyStore.sourceMap(was),
              PolicyStore.sourceMap(current.source()),
              PolicyDocument.render(shipped));
      if (outcome.merged() == null) {
        nextBase.put(id, was);
        r.keptModified.add(new PackModifiedPolicy(id, outcome.edits()));
        continue;
      }
      nextBase.put(id, shippedSource);
      PolicyDocument.Parsed parsed = PolicyDocument.read(outcome.merged());
      PolicyDefinition merged = parsed.definition(id, current.enabled());
      if (PolicyStore.source(merged).equals(current.source())) {
        r.unchanged++;
      } else {
        changes.update(current, merged, true);
        r.updatedKeptTuning.add(new PackTunedPolicy(id, outcome.tuned()));
      }
    }
    for (Map.Entry<String, String> gone : base.entrySet()) {
      PolicyRecord current = stored.get(gone.getKey());
      if (current == null) {
        continue;
      }
      if (current.source().equals(gone.getValue())) {
        changes.delete(current);
        r.removed.add(gone.getKey());
      } else {
        r.keptRemovedFromPack.add(gone.getKey());
      }
    }
    validator.require(changes.result(definitions.load(tenantId)), null, "Pack update is invalid");
    if (!dryRun) {
      changes.apply(policies, store, clock, tenantId, "pack_updated", user);
      installs.save(
          installs.with(
              install, next.version().toString(), install.enabled(), nextBase, suspended, user));
    }
    return r.finish(false, !dryRun);
  }

  /** The update report, built while planning. */
  private static final class Report {
    final Pack next;
    final PackInstall install;
    final boolean dryRun;
    final List<String> added = new ArrayList<>();
    final List<String> updated = new ArrayList<>();
    final List<PackTunedPolicy> updatedKeptTuning = new ArrayList<>();
    final List<PackModifiedPolicy> keptModified = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<String> keptRemovedFromPack = new ArrayList<>();
    final List<String> skippedDeleted = new ArrayList<>();
    final List<String> skippedConflict = new ArrayList<>();
    int unchanged;

    Report(Pack next, PackInstall install, boolean dryRun) {
      this.next = next;
      this.install = install;
      this.dryRun = dryRun;
    }

    PackUpdateReport finish(boolean upToDate, boolean applied) {
      return new PackUpdateReport(
          next.id(),
          install.version(),
          next.version().toString(),
          dryRun,
          upToDate,
          applied,
          added,
          updated,
          updatedKeptTuning,
          keptModified,
          removed,
          keptRemovedFromPack,
          skippedDeleted,
          skippedConflict,
          unchanged);
    }
  }
}
