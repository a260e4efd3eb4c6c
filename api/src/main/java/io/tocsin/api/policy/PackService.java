package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.detection.TenantLocks;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.policy.PackViews.PackDetail;
import io.tocsin.api.policy.PackViews.PackDisableReport;
import io.tocsin.api.policy.PackViews.PackEnableReport;
import io.tocsin.api.policy.PackViews.PackList;
import io.tocsin.api.policy.PackViews.PackPolicyState;
import io.tocsin.api.policy.PackViews.PackStatus;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.PackPolicy;
import io.tocsin.rules.pack.Pack;
import io.tocsin.rules.pack.SemanticVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Packs in a tenant: list them with their state, install or enable, disable. Enabling a pack that
 * is not installed installs it; disabling turns its enabled policies off and remembers which, so
 * enabling it again restores exactly those (a policy the tenant disabled itself stays off).
 */
@Service
class PackService {

  private final PackCatalog catalog;
  private final PackInstalls installs;
  private final PolicyService policies;
  private final PolicyStore store;
  private final DefinitionStore definitions;
  private final DefinitionValidator validator;
  private final TenantLocks locks;
  private final TenantEngines engines;
  private final Clock clock;

  PackService(
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

  PackList list(String tenantId) {
    List<PackStatus> items = new ArrayList<>();
    Set<String> stored = storedIds(tenantId);
    for (Pack pack : catalog.all()) {
      items.add(status(pack, installs.find(tenantId, pack), stored));
    }
    return new PackList(items, items.size());
  }

  PackDetail get(String tenantId, String packId) {
    Pack pack = catalog.get(packId);
    Map<String, PolicyRecord> stored = new LinkedHashMap<>();
    store.all(tenantId).forEach(r -> stored.put(r.policyId(), r));
    PackInstall install = installs.find(tenantId, pack);
    Map<String, String> base = install == null ? Map.of() : install.baseById();
    List<PackPolicyState> items = new ArrayList<>();
    for (PackPolicy p : pack.policies()) {
      PolicyRecord r = stored.get(p.definition().id());
      items.add(
          new PackPolicyState(
              p.definition().id(),
              p.definition().name(),
              p.resource(),
              p.definition().tags(),
              p.falsePositives(),
              state(r, base.get(p.definition().id())),
              r != null && r.enabled()));
    }
    return PackDetail.of(status(pack, install, stored.keySet()), items);
  }

  PackEnableReport enable(String tenantId, String packId, String user) {
    Pack pack = catalog.get(packId);
    PackEnableReport report =
        locks.withLock(
            tenantId,
            () -> {
              PackInstall install = installs.find(tenantId, pack);
              return install == null
                  ? install(tenantId, pack, user)
                  : resume(tenantId, pack, install, user);
            });
    engines.requestReload(tenantId);
    return report.with(status(pack, installs.find(tenantId, pack), storedIds(tenantId)));
  }

  PackDisableReport disable(String tenantId, String packId, String user) {
    Pack pack = catalog.get(packId);
    List<String> disabled =
        locks.withLock(
            tenantId,
            () -> {
              PackInstall install = installs.find(tenantId, pack);
              if (install == null) {
                throw ApiException.badRequest(
                    "Pack [" + packId + "] is not installed in this tenant; nothing to disable");
              }
              List<String> turnedOff = new ArrayList<>(install.suspended());
              PolicyChangeSet changes = new PolicyChangeSet();
              if (install.enabled()) {
                for (String id : install.baseById().keySet()) {
                  PolicyRecord r = existing(tenantId, id);
                  if (r != null && r.enabled()) {
                    changes.update(r, PolicyStore.definition(r).withEnabled(false), r.builtin());
                    turnedOff.add(id);
                  }
                }
              }
              commit(tenantId, changes, "pack_disabled", user);
              installs.save(
                  installs.with(
                      install, install.version(), false, install.baseById(), turnedOff, user));
              return turnedOff;
            });
    engines.requestReload(tenantId);
    return new PackDisableReport(
        disabled, status(pack, installs.find(tenantId, pack), storedIds(tenantId)));
  }

  /** Records the first-start seeding of the built-in pack (policies stored by the seeder). */
  void recordSeed(String tenantId, Pack pack, List<PolicyDefinition> seeded) {
    locks.withLock(
        tenantId,
        () -> {
          installs.save(installs.installed(tenantId, pack, seeded, "system"));
          return null;
        });
  }

  private PackEnableReport install(String tenantId, Pack pack, String user) {
    PolicyChangeSet changes = new PolicyChangeSet();
    List<PolicyDefinition> installed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (PolicyDefinition p : pack.definitions()) {
      if (store.exists(tenantId, p.id())) {
        skipped.add(p.id());
      } else {
        changes.create(p, true);
        installed.add(p);
      }
    }
    commit(tenantId, changes, "pack_installed", user);
    installs.save(installs.installed(tenantId, pack, installed, user));
    return new PackEnableReport(
        installed.stream().map(PolicyDefinition::id).toList(), skipped, null, null);
  }

  private PackEnableReport resume(String tenantId, Pack pack, PackInstall install, String user) {
    List<String> restored = new ArrayList<>();
    PolicyChangeSet changes = new PolicyChangeSet();
    if (!install.enabled()) {
      for (String id : install.suspended()) {
        PolicyRecord r = existing(tenantId, id);
        if (r != null && !r.enabled()) {
          changes.update(r, PolicyStore.definition(r).withEnabled(true), r.builtin());
          restored.add(id);
        }
      }
      commit(tenantId, changes, "pack_enabled", user);
      installs.save(
          installs.with(install, install.version(), true, install.baseById(), List.of(), user));
    }
    return new PackEnableReport(null, null, restored, null);
  }

  private void commit(String tenantId, PolicyChangeSet changes, String change, String user) {
    if (changes.isEmpty()) {
      return;
    }
    validator.require(changes.result(definitions.load(tenantId)), null, "Pack change is invalid");
    changes.apply(policies, store, clock, tenantId, change, user);
  }

  private PolicyRecord existing(String tenantId, String policyId) {
    return store.exists(tenantId, policyId) ? store.find(tenantId, policyId) : null;
  }

  private Set<String> storedIds(String tenantId) {
    return store.all(tenantId).stream().map(PolicyRecord::policyId).collect(Collectors.toSet());
  }

  static String state(PolicyRecord record, String base) {
    if (record == null) {
      return base == null ? "not_installed" : "deleted";
    }
    if (base == null) {
      return record.builtin() ? "modified" : "conflict";
    }
    return record.source().equals(base) ? "installed" : "modified";
  }

  static PackStatus status(Pack pack, PackInstall install, Set<String> stored) {
    return new PackStatus(
        pack.id(),
        pack.manifest().name(),
        pack.manifest().description(),
        pack.version().toString(),
        pack.policies().size(),
        install != null,
        install == null ? null : install.version(),
        install != null && install.enabled(),
        install != null && SemanticVersion.parse(install.version()).compareTo(pack.version()) < 0,
        install == null
            ? 0
            : install.baseById().keySet().stream().filter(stored::contains).count());
  }
}
