package io.tocsin.api.policy;

import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.pack.Pack;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Storage of {@link PackInstall}s, and recognition of a pack seeded before packs were versioned
 * (its policies are stored with {@code builtin: true} but no install record exists).
 */
@Component
class PackInstalls {

  /** The version reported for a pack seeded before packs carried versions. */
  static final String LEGACY_VERSION = "0.0.0";

  private final MongoTemplate mongo;
  private final PolicyStore store;
  private final Clock clock;

  PackInstalls(MongoTemplate mongo, PolicyStore store, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.clock = clock;
  }

  /** The tenant's install of {@code pack}, or null when the pack is not installed. */
  PackInstall find(String tenantId, Pack pack) {
    PackInstall install = mongo.findById(PackInstall.idOf(tenantId, pack.id()), PackInstall.class);
    if (install != null && tenantId.equals(install.tenantId())) {
      return install;
    }
    List<PackInstall.Entry> base = new ArrayList<>();
    boolean any = false;
    for (PolicyRecord r : store.all(tenantId)) {
      if (r.builtin() && pack.policy(r.policyId()).isPresent()) {
        any = true;
        if ("system".equals(r.updatedBy())) {
          base.add(new PackInstall.Entry(r.policyId(), r.source()));
        }
      }
    }
    if (!any) {
      return null;
    }
    Instant now = now();
    return new PackInstall(
        PackInstall.idOf(tenantId, pack.id()),
        tenantId,
        pack.id(),
        LEGACY_VERSION,
        true,
        base,
        List.of(),
        now,
        now,
        "system");
  }

  void save(PackInstall install) {
    mongo.save(install);
  }

  /** A fresh install record of {@code pack} whose base holds {@code installed}. */
  PackInstall installed(
      String tenantId, Pack pack, Collection<PolicyDefinition> installed, String user) {
    Instant now = now();
    return new PackInstall(
        PackInstall.idOf(tenantId, pack.id()),
        tenantId,
        pack.id(),
        pack.version().toString(),
        true,
        installed.stream().map(PackInstalls::entry).toList(),
        List.of(),
        now,
        now,
        user);
  }

  static PackInstall.Entry entry(PolicyDefinition policy) {
    return new PackInstall.Entry(policy.id(), PolicyStore.source(policy));
  }

  /** The install with new state. */
  PackInstall with(
      PackInstall install,
      String version,
      boolean enabled,
      Map<String, String> base,
      List<String> suspended,
      String user) {
    return new PackInstall(
        install.id(),
        install.tenantId(),
        install.packId(),
        version,
        enabled,
        base.entrySet().stream().map(e -> new PackInstall.Entry(e.getKey(), e.getValue())).toList(),
        suspended,
        install.installedAt(),
        now(),
        user);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
