package io.tocsin.api.list;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.detection.TenantLocks;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How a list or macro is read and changed. A change runs under the tenant's lock: the set it would
 * produce is checked ({@link DefinitionsGuard}); only then is it written, and the tenant's engines
 * reload after. Lists and macros differ only in their value and how it is checked, which their
 * services do before calling here.
 */
@Component
class DefinitionChanges {

  private final MongoTemplate mongo;
  private final DefinitionStore store;
  private final DefinitionsGuard guard;
  private final TenantLocks locks;
  private final TenantEngines engines;
  private final Clock clock;

  DefinitionChanges(
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

  /** One page of the tenant's definitions of a kind, by name. */
  <D extends Definition, V, P> P page(
      DefinitionKind<D> kind,
      String tenantId,
      Paging paging,
      Function<D, V> view,
      BiFunction<List<V>, PageInfo, P> page) {
    Query query = Query.query(Criteria.where("tenantId").is(tenantId));
    long total = mongo.count(query, kind.type());
    query.with(Sort.by("name")).skip(paging.offset()).limit(paging.limit());
    List<V> items = mongo.find(query, kind.type()).stream().map(view).toList();
    return page.apply(items, PageInfo.of(paging, total, items.size()));
  }

  /** The tenant's definition of that name; 404 when there is none. */
  <D extends Definition> D find(DefinitionKind<D> kind, String tenantId, String name) {
    D found = mongo.findById(Definition.idOf(tenantId, name), kind.type());
    if (found == null || !tenantId.equals(found.tenantId())) {
      throw ApiException.notFound(kind.named(name));
    }
    return found;
  }

  /**
   * Creates or replaces a definition if the tenant's definitions still check with it.
   *
   * @param edit the stored set with the change applied
   * @param build the document to store, given its audit fields (the creator kept on a replace)
   */
  <D extends Definition> Saved<D> put(
      DefinitionKind<D> kind,
      String tenantId,
      String name,
      String user,
      UnaryOperator<TenantDefinitions> edit,
      Function<Audit, D> build) {
    String macroBeingWritten = kind == DefinitionKind.MACRO ? name : null;
    Saved<D> saved =
        locks.withLock(
            tenantId,
            () -> {
              List<Problem> errors =
                  guard.errors(edit.apply(store.load(tenantId)), macroBeingWritten);
              if (!errors.isEmpty()) {
                throw refusal(kind.named(name), errors);
              }
              D old = mongo.findById(Definition.idOf(tenantId, name), kind.type());
              D next =
                  build.apply(Audit.of(old, clock.instant().truncatedTo(ChronoUnit.MILLIS), user));
              mongo.save(next);
              return new Saved<>(next, old == null);
            });
    engines.requestReload(tenantId);
    return saved;
  }

  /**
   * Deletes the tenant's definition of that name unless a policy or macro still uses it.
   *
   * @param without the stored set without it
   */
  <D extends Definition> void delete(
      DefinitionKind<D> kind,
      String tenantId,
      String name,
      UnaryOperator<TenantDefinitions> without) {
    D existing = find(kind, tenantId, name);
    locks.withLock(
        tenantId,
        () -> {
          List<Problem> errors = guard.errors(without.apply(store.load(tenantId)), null);
          if (!errors.isEmpty()) {
            throw ApiException.badRequest(
                kind.named(name)
                    + " is used by "
                    + DefinitionsGuard.dependents(errors)
                    + "; change them first",
                Map.of("policies", DefinitionsGuard.policyIds(errors), "diagnostics", errors));
          }
          mongo.remove(existing);
          return null;
        });
    engines.requestReload(tenantId);
  }

  /** A macro's own problems are on {@code condition}; any other problem is a dependent's. */
  private static RuntimeException refusal(String what, List<Problem> errors) {
    boolean own = errors.stream().anyMatch(p -> "condition".equals(p.field()));
    return DefinitionValidator.invalid(
        own ? what + " is invalid" : what + " would break " + DefinitionsGuard.dependents(errors),
        errors);
  }
}
