package io.tocsin.api.list;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.detection.TenantLocks;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.ListResponse;
import io.tocsin.dsl.Limits;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Macros of a tenant. A macro's condition is checked with the tenant's lists and the other macros
 * (unknown names, types, cycles such as {@code a -> b -> a}); the change must also leave every
 * other macro and every policy valid.
 */
@Service
class MacroService {

  private final MongoTemplate mongo;
  private final DefinitionStore store;
  private final DefinitionsGuard guard;
  private final TenantLocks locks;
  private final TenantEngines engines;
  private final Clock clock;

  MacroService(
      MongoTemplate mongo,
      DefinitionStore store,
      DefinitionsGuard guard,
      TenantLocks locks,
      TenantEngines engines,
      Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.guard = guard;
    this.locks = locks;
    this.engines = engines;
    this.clock = clock;
  }

  Map<String, Object> list(String tenantId, Paging paging) {
    Query query = Query.query(Criteria.where("tenantId").is(tenantId));
    long total = mongo.count(query, Macro.class);
    query.with(Sort.by("name")).skip(paging.offset()).limit(paging.limit());
    List<MacroView> items = mongo.find(query, Macro.class).stream().map(MacroView::of).toList();
    return ListResponse.of("macros", items, total, paging.limit(), paging.offset());
  }

  MacroView get(String tenantId, String name) {
    return MacroView.of(find(tenantId, name));
  }

  Result put(String tenantId, String name, Requests.PutMacro body, String user) {
    Names.require(name, "macro");
    if (body == null || body.condition() == null || body.condition().isBlank()) {
      throw ApiException.badRequest("condition is required: {\"condition\": \"...\"}");
    }
    if (body.condition().length() > Limits.MAX_LENGTH) {
      throw ApiException.badRequest(
          "condition is longer than " + Limits.MAX_LENGTH + " characters");
    }
    Result result =
        locks.withLock(
            tenantId,
            () -> {
              TenantDefinitions next = store.load(tenantId).withMacro(name, body.condition());
              List<Problem> errors = guard.errors(next, name);
              if (!errors.isEmpty()) {
                boolean own = errors.stream().anyMatch(p -> "condition".equals(p.field()));
                throw DefinitionValidator.invalid(
                    own
                        ? "Macro [" + name + "] is invalid"
                        : "Macro [" + name + "] would break " + DefinitionsGuard.dependents(errors),
                    errors);
              }
              Macro old = mongo.findById(Macro.idOf(tenantId, name), Macro.class);
              Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              Macro macro =
                  new Macro(
                      Macro.idOf(tenantId, name),
                      tenantId,
                      name,
                      body.condition(),
                      body.description(),
                      old == null ? now : old.createdAt(),
                      old == null ? user : old.createdBy(),
                      now,
                      user);
              mongo.save(macro);
              return new Result(MacroView.of(macro), old == null);
            });
    engines.requestReload(tenantId);
    return result;
  }

  void delete(String tenantId, String name) {
    locks.withLock(
        tenantId,
        () -> {
          Macro existing = find(tenantId, name);
          List<Problem> errors = guard.errors(store.load(tenantId).withMacro(name, null), null);
          if (!errors.isEmpty()) {
            throw ApiException.badRequest(
                "Macro ["
                    + name
                    + "] is used by "
                    + DefinitionsGuard.dependents(errors)
                    + "; change them first",
                Map.of("policies", DefinitionsGuard.policyIds(errors), "diagnostics", errors));
          }
          mongo.remove(existing);
          return null;
        });
    engines.requestReload(tenantId);
  }

  private Macro find(String tenantId, String name) {
    Macro macro = mongo.findById(Macro.idOf(tenantId, name), Macro.class);
    if (macro == null || !tenantId.equals(macro.tenantId())) {
      throw ApiException.notFound("Macro [" + name + "]");
    }
    return macro;
  }

  /** The stored macro and whether the request created it. */
  record Result(MacroView view, boolean created) {}
}
