package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.engine.policy.LoadDiagnostic;
import io.tocsin.engine.policy.LoadResult;
import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.BuiltinPolicies;
import io.tocsin.rules.pack.Pack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * On the first start of a database, seeds the built-in policy pack into tenant {@code default}
 * (before the server accepts requests), so a bare {@code java -jar} detects something. Seeds once
 * (a marker), never overwrites a policy id that exists; off with {@code
 * TOCSIN_LOAD_BUILTIN_POLICIES=false}. The seeding is recorded as an install of the pack at its
 * version, so {@code POST /api/v1/packs/{id}/update} can later tell tuned policies from edited.
 */
@Component
class BuiltinPackSeeder implements SmartInitializingSingleton {

  static final String MARKER = "builtin/" + CurrentPrincipal.PLATFORM_TENANT;
  private static final Logger log = LoggerFactory.getLogger(BuiltinPackSeeder.class);

  private final PolicyService policies;
  private final PackService packs;
  private final DefinitionStore definitions;
  private final DefinitionValidator validator;
  private final MongoTemplate mongo;
  private final Clock clock;
  private final boolean enabled;

  BuiltinPackSeeder(
      PolicyService policies,
      PackService packs,
      DefinitionStore definitions,
      DefinitionValidator validator,
      MongoTemplate mongo,
      Clock clock,
      @Value("${tocsin.load-builtin-policies:true}") boolean enabled) {
    this.policies = policies;
    this.packs = packs;
    this.definitions = definitions;
    this.validator = validator;
    this.mongo = mongo;
    this.clock = clock;
    this.enabled = enabled;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (enabled) {
      seed();
    } else {
      log.info("Built-in policies not loaded (TOCSIN_LOAD_BUILTIN_POLICIES=false)");
    }
  }

  /** Seeds the pack unless it was seeded before; returns how many policies were stored. */
  int seed() {
    if (mongo.findById(MARKER, SeedMarker.class) != null) {
      return 0;
    }
    String tenant = CurrentPrincipal.PLATFORM_TENANT;
    Pack builtin = BuiltinPolicies.builtinPack();
    List<PolicyDefinition> pack = builtin.definitions();
    TenantDefinitions defs = definitions.load(tenant);
    LoadResult result =
        validator.validate(new TenantDefinitions(pack, defs.lists(), defs.macros()));
    Set<String> broken =
        result.errors().stream().map(LoadDiagnostic::policyId).collect(Collectors.toSet());
    if (!broken.isEmpty()) {
      log.error("Built-in policies skipped, they do not validate:\n{}", result.describe());
    }
    List<PolicyDefinition> seeded = new ArrayList<>();
    for (PolicyDefinition policy : pack) {
      if (!broken.contains(policy.id()) && policies.seed(tenant, policy)) {
        seeded.add(policy);
      }
    }
    int stored = seeded.size();
    if (stored > 0) {
      packs.recordSeed(tenant, builtin, seeded);
    }
    mongo.save(new SeedMarker(MARKER, stored, clock.instant()));
    log.info("Seeded {} built-in policies into tenant '{}'", stored, tenant);
    return stored;
  }
}
