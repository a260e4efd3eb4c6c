package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.detection.TenantLocks;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.policy.PolicySetViews.PolicySetPlan;
import io.tocsin.api.policy.PolicySetViews.PolicySetUpdate;
import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.policy.PolicyDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Applies a whole policy set at once (detection-as-code {@code tocsin push}): every policy in the
 * body is created or replaced, optionally every other policy of the tenant is deleted ({@code
 * prune}), and the tenant's resulting set is validated as one before anything is written. A dry run
 * returns the same plan without writing.
 */
@Service
class PolicySetService {

  static final int MAX_POLICIES = 5_000;

  private final PolicyService policies;
  private final PolicyStore store;
  private final DefinitionStore definitions;
  private final DefinitionValidator validator;
  private final TenantLocks locks;
  private final TenantEngines engines;
  private final Clock clock;

  PolicySetService(
      PolicyService policies,
      PolicyStore store,
      DefinitionStore definitions,
      DefinitionValidator validator,
      TenantLocks locks,
      TenantEngines engines,
      Clock clock) {
    this.policies = policies;
    this.store = store;
    this.definitions = definitions;
    this.validator = validator;
    this.locks = locks;
    this.engines = engines;
    this.clock = clock;
  }

  PolicySetPlan apply(String tenantId, Map<String, Object> body, boolean dryRun, String user) {
    List<PolicyDocument.Parsed> parsed = parse(body);
    boolean prune = prune(body);
    PolicySetPlan plan =
        locks.withLock(
            tenantId,
            () -> {
              Map<String, PolicyRecord> existing = new LinkedHashMap<>();
              store.all(tenantId).forEach(r -> existing.put(r.policyId(), r));
              PolicyChangeSet changes = new PolicyChangeSet();
              PolicySetPlan planned = plan(parsed, existing, prune, changes, dryRun);
              TenantDefinitions result = changes.result(definitions.load(tenantId));
              validator.require(result, null, "Policy set is invalid");
              if (planned.applied()) {
                changes.apply(policies, store, clock, tenantId, "applied", user);
              }
              return planned;
            });
    if (plan.applied()) {
      engines.requestReload(tenantId);
    }
    return plan;
  }

  private static PolicySetPlan plan(
      List<PolicyDocument.Parsed> parsed,
      Map<String, PolicyRecord> existing,
      boolean prune,
      PolicyChangeSet changes,
      boolean dryRun) {
    List<String> created = new ArrayList<>();
    List<PolicySetUpdate> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (PolicyDocument.Parsed p : parsed) {
      PolicyRecord current = existing.get(p.id());
      seen.add(p.id());
      PolicyDefinition policy = p.definition(p.id(), current == null || current.enabled());
      if (current == null) {
        changes.create(policy, false);
        created.add(p.id());
        continue;
      }
      List<String> diff =
          PolicyDiff.changes(
              PolicyStore.sourceMap(current.source()), PolicyDocument.render(policy));
      if (diff.isEmpty()) {
        unchanged.add(p.id());
      } else {
        changes.update(current, policy, current.builtin());
        updated.add(new PolicySetUpdate(p.id(), diff));
      }
    }
    if (prune) {
      for (PolicyRecord r : existing.values()) {
        if (!seen.contains(r.policyId())) {
          changes.delete(r);
          deleted.add(r.policyId());
        }
      }
    }
    return new PolicySetPlan(
        created, updated, deleted, unchanged, dryRun, !dryRun && !changes.isEmpty());
  }

  @SuppressWarnings("unchecked")
  private static List<PolicyDocument.Parsed> parse(Map<String, Object> body) {
    if (body == null || !(body.get("policies") instanceof List<?> list)) {
      throw ApiException.badRequest("body must be {\"policies\": [...], \"prune\": false}");
    }
    if (list.size() > MAX_POLICIES) {
      throw ApiException.badRequest("at most " + MAX_POLICIES + " policies per apply");
    }
    for (String key : body.keySet()) {
      if (!Set.of("policies", "prune").contains(key)) {
        throw ApiException.badRequest("unknown member [" + key + "], expected policies, prune");
      }
    }
    List<Problem> problems = new ArrayList<>();
    List<PolicyDocument.Parsed> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "policies[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        problems.add(Problem.error("INVALID_TYPE", at, at + " must be an object"));
        continue;
      }
      PolicyDocument.Parsed p = PolicyDocument.read((Map<String, Object>) m);
      p.problems().forEach(d -> problems.add(Problem.of(d, null).under(at, p.id())));
      if (p.id() == null) {
        problems.add(Problem.error("MISSING_ID", at + ".id", "every policy of a set needs an id"));
      } else if (!PolicyService.ID.matcher(p.id()).matches()
          || PolicyService.RESERVED_IDS.contains(p.id())) {
        problems.add(Problem.error("INVALID_ID", at + ".id", "invalid policy id [" + p.id() + "]"));
      } else if (!ids.add(p.id())) {
        problems.add(
            Problem.error("DUPLICATE_ID", at + ".id", "policy id [" + p.id() + "] appears twice"));
      }
      out.add(p);
    }
    if (!problems.isEmpty()) {
      throw DefinitionValidator.invalid("Policy set is invalid", problems);
    }
    return out;
  }

  private static boolean prune(Map<String, Object> body) {
    Object prune = body.get("prune");
    if (prune == null) {
      return false;
    }
    if (prune instanceof Boolean b) {
      return b;
    }
    throw ApiException.badRequest("prune must be a boolean");
  }
}
