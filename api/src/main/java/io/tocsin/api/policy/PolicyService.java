package io.tocsin.api.policy;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.detection.TenantLocks;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.policy.PolicyViews.PolicyPage;
import io.tocsin.api.policy.PolicyViews.PolicyValidation;
import io.tocsin.api.policy.PolicyViews.PolicyView;
import io.tocsin.api.query.QueryGuard;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.engine.format.PolicyDocument;
import io.tocsin.engine.policy.PolicyDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Policy writes: each is validated with the engine's loader together with the tenant's other
 * policies, lists and macros (under the tenant's write lock), stored with a history entry, and then
 * made live by a reload of the tenant's engine.
 */
@Service
class PolicyService {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}");
  static final Set<String> RESERVED_IDS = Set.of("validate", "backtest", "engine", "schema");

  private final PolicyStore store;
  private final DefinitionStore definitions;
  private final DefinitionValidator validator;
  private final TenantLocks locks;
  private final TenantEngines engines;
  private final Clock clock;
  private final RuleCosts costs;
  private final QueryGuard guard;

  PolicyService(
      PolicyStore store,
      DefinitionStore definitions,
      DefinitionValidator validator,
      TenantLocks locks,
      TenantEngines engines,
      Clock clock,
      RuleCosts costs,
      QueryGuard guard) {
    this.costs = costs;
    this.guard = guard;
    this.store = store;
    this.definitions = definitions;
    this.validator = validator;
    this.locks = locks;
    this.engines = engines;
    this.clock = clock;
  }

  PolicyPage list(String tenantId, Paging paging, Boolean enabled, String tag) {
    Criteria criteria = Criteria.where("tenantId").is(tenantId);
    if (enabled != null) {
      criteria = criteria.and("enabled").is(enabled);
    }
    if (tag != null && !tag.isBlank()) {
      criteria = criteria.and("tags").is(tag);
    }
    Query filter = Query.query(criteria);
    List<PolicyView> items =
        store.page(filter, paging.offset(), paging.limit()).stream().map(PolicyView::of).toList();
    return new PolicyPage(items, PageInfo.of(paging, store.count(filter), items.size()));
  }

  PolicyView get(String tenantId, String policyId) {
    return PolicyView.of(store.find(tenantId, policyId));
  }

  /** The stored policy's canonical document as a tree, for readers of raw bodies. */
  Map<String, Object> source(String tenantId, String policyId) {
    return PolicyStore.sourceMap(store.find(tenantId, policyId).source());
  }

  PolicyView create(String tenantId, Map<String, Object> body, String user) {
    PolicyDocument.Parsed parsed = parse(body);
    String policyId = parsed.id() == null ? generateId() : checkId(parsed.id());
    PolicyDefinition policy = parsed.definition(policyId, true);
    PolicyRecord saved =
        locks.withLock(
            tenantId,
            () -> {
              if (store.exists(tenantId, policyId)) {
                throw ApiException.conflict("Policy [" + policyId + "] already exists");
              }
              validate(tenantId, policy);
              return write(tenantId, null, policy, "created", user, false);
            });
    engines.requestReload(tenantId);
    return PolicyView.of(saved);
  }

  /**
   * A whole policy (the body has {@code name}) replaces the stored one, keeping {@code enabled}
   * when absent; a body without {@code name} is a partial update merged by {@link PolicyMerge}.
   * Either way the result is validated as a whole before anything is written.
   */
  PolicyView update(String tenantId, String policyId, Map<String, Object> body, String user) {
    Object bodyId = body.get("id");
    if (bodyId != null && !bodyId.toString().equals(policyId)) {
      throw ApiException.badRequest(
          "id [" + bodyId + "] in the body differs from [" + policyId + "] in the path");
    }
    PolicyRecord saved =
        locks.withLock(
            tenantId,
            () -> {
              PolicyRecord existing = store.find(tenantId, policyId);
              Map<String, Object> effective =
                  PolicyMerge.isPartial(body)
                      ? PolicyMerge.merge(PolicyStore.sourceMap(existing.source()), body)
                      : body;
              PolicyDocument.Parsed parsed = parse(effective);
              PolicyDefinition policy = parsed.definition(policyId, existing.enabled());
              validate(tenantId, policy);
              return write(tenantId, existing, policy, "updated", user, existing.builtin());
            });
    engines.requestReload(tenantId);
    return PolicyView.of(saved);
  }

  PolicyView setEnabled(String tenantId, String policyId, boolean enabled, String user) {
    PolicyRecord saved =
        locks.withLock(
            tenantId,
            () -> {
              PolicyRecord existing = store.find(tenantId, policyId);
              if (existing.enabled() == enabled) {
                return existing;
              }
              PolicyDefinition policy = PolicyStore.definition(existing).withEnabled(enabled);
              validate(tenantId, policy);
              String change = enabled ? "enabled" : "disabled";
              return write(tenantId, existing, policy, change, user, existing.builtin());
            });
    engines.requestReload(tenantId);
    return PolicyView.of(saved);
  }

  void delete(String tenantId, String policyId, String user) {
    locks.withLock(
        tenantId,
        () -> {
          PolicyRecord existing = store.find(tenantId, policyId);
          store.remove(existing);
          store.recordVersion(
              tenantId,
              policyId,
              store.lastVersion(tenantId, policyId) + 1,
              "deleted",
              user,
              clock.instant().truncatedTo(ChronoUnit.MILLIS),
              existing.source());
          return null;
        });
    engines.requestReload(tenantId);
  }

  /** Validates a body as if it were created (or, with the id of a stored policy, updated). */
  PolicyValidation check(String tenantId, Map<String, Object> body) {
    return guard.run(tenantId, QueryGuard.Kind.BACKTEST, budget -> checkNow(tenantId, body));
  }

  private PolicyValidation checkNow(String tenantId, Map<String, Object> body) {
    PolicyDocument.Parsed parsed = parse(body);
    String policyId = parsed.id() == null ? generateId() : checkId(parsed.id());
    PolicyDefinition policy = parsed.definition(policyId, true);
    List<Problem> warnings =
        validate(tenantId, policy).stream()
            .filter(p -> p.policyId() == null)
            .filter(p -> p.field() == null || !p.field().matches("(lists|macros)\\..*"))
            .toList();
    PolicySource normalized = PolicySource.of(PolicyDocument.render(policy));
    return new PolicyValidation(
        true, warnings, parsed.id() == null ? normalized.withoutId() : normalized);
  }

  /** Seeds one policy (the built-in pack) unless the id is taken; true when stored. */
  boolean seed(String tenantId, PolicyDefinition policy) {
    return locks.withLock(
        tenantId,
        () -> {
          if (store.exists(tenantId, policy.id())) {
            return false;
          }
          write(tenantId, null, policy, "seeded", "system", true);
          return true;
        });
  }

  private List<Problem> validate(String tenantId, PolicyDefinition policy) {
    TenantDefinitions defs = definitions.load(tenantId);
    List<Problem> problems =
        validator.require(defs.withPolicy(policy), policy.id(), "Policy is invalid");
    if (policy.enabled()) {
      costs.require(policy, ConditionContext.of(defs.lists(), defs.macros()));
    }
    return problems;
  }

  /** Stores one policy version (callers hold the tenant lock and validated the set). */
  PolicyRecord write(
      String tenantId,
      PolicyRecord existing,
      PolicyDefinition policy,
      String change,
      String user,
      boolean builtin) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String source = PolicyStore.source(policy);
    int version =
        Math.max(
                existing == null ? 0 : existing.version(), store.lastVersion(tenantId, policy.id()))
            + 1;
    PolicyRecord record =
        new PolicyRecord(
            PolicyRecord.idOf(tenantId, policy.id()),
            tenantId,
            policy.id(),
            policy.name(),
            policy.enabled(),
            policy.tags(),
            source,
            version,
            existing == null ? now : existing.createdAt(),
            existing == null ? user : existing.createdBy(),
            now,
            user,
            builtin);
    if (existing == null) {
      store.insert(record);
    } else {
      store.replace(record, existing.version());
    }
    store.recordVersion(tenantId, policy.id(), version, change, user, now, source);
    return record;
  }

  private static PolicyDocument.Parsed parse(Map<String, Object> body) {
    PolicyDocument.Parsed parsed = PolicyDocument.read(body);
    if (!parsed.problems().isEmpty()) {
      throw DefinitionValidator.invalid(
          "Policy is invalid", parsed.problems().stream().map(d -> Problem.of(d, null)).toList());
    }
    return parsed;
  }

  static String checkId(String id) {
    if (!ID.matcher(id).matches() || RESERVED_IDS.contains(id)) {
      throw DefinitionValidator.invalid(
          "Policy is invalid",
          List.of(
              Problem.error(
                  "INVALID_ID",
                  "id",
                  "invalid policy id ["
                      + id
                      + "]: use letters, digits, '_', '-' and '.', at most 128 characters"
                      + " (not validate, backtest or engine)")));
    }
    return id;
  }

  private static String generateId() {
    return "pol_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }
}
