package io.tocsin.api.list;

import io.tocsin.api.detection.DefinitionStore;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.api.detection.TenantEngines;
import io.tocsin.api.detection.TenantLocks;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.ListResponse;
import io.tocsin.api.web.Paging;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How a list or macro changes: under the tenant's lock, the set the change would produce is checked
 * ({@link DefinitionsGuard}); only then is it written, and the tenant's engines reload after. Also
 * the listing both share.
 */
@Component
class DefinitionChanges {

  private final MongoTemplate mongo;
  private final DefinitionStore store;
  private final DefinitionsGuard guard;
  private final TenantLocks locks;
  private final TenantEngines engines;

  DefinitionChanges(
      MongoTemplate mongo,
      DefinitionStore store,
      DefinitionsGuard guard,
      TenantLocks locks,
      TenantEngines engines) {
    this.mongo = mongo;
    this.store = store;
    this.guard = guard;
    this.locks = locks;
    this.engines = engines;
  }

  /** One page of the tenant's {@code type} documents by name, under {@code key}. */
  <T, V> Map<String, Object> page(
      String key, Class<T> type, String tenantId, Paging paging, Function<T, V> view) {
    Query query = Query.query(Criteria.where("tenantId").is(tenantId));
    long total = mongo.count(query, type);
    query.with(Sort.by("name")).skip(paging.offset()).limit(paging.limit());
    List<V> items = mongo.find(query, type).stream().map(view).toList();
    return ListResponse.of(key, items, total, paging.limit(), paging.offset());
  }

  /**
   * Writes a new or replaced definition if the tenant's definitions still check with it.
   *
   * @param edit the stored set with the change applied
   * @param macroBeingWritten the macro's name when the change is a macro (its own problems are
   *     reported on {@code condition}), else null
   * @param refusal the error to answer when the changed set has problems
   * @param write stores the definition; runs only when the set checks
   */
  <T> T save(
      String tenantId,
      UnaryOperator<TenantDefinitions> edit,
      String macroBeingWritten,
      Function<List<Problem>, RuntimeException> refusal,
      Supplier<T> write) {
    T saved =
        locks.withLock(
            tenantId,
            () -> {
              List<Problem> errors =
                  guard.errors(edit.apply(store.load(tenantId)), macroBeingWritten);
              if (!errors.isEmpty()) {
                throw refusal.apply(errors);
              }
              return write.get();
            });
    engines.requestReload(tenantId);
    return saved;
  }

  /**
   * Deletes {@code existing} unless a policy or macro still uses it.
   *
   * @param what how the answer names it, e.g. {@code List [admins]}
   * @param without the stored set without it
   */
  void delete(
      String tenantId, String what, UnaryOperator<TenantDefinitions> without, Object existing) {
    locks.withLock(
        tenantId,
        () -> {
          List<Problem> errors = guard.errors(without.apply(store.load(tenantId)), null);
          if (!errors.isEmpty()) {
            throw ApiException.badRequest(
                what + " is used by " + DefinitionsGuard.dependents(errors) + "; change them first",
                Map.of("policies", DefinitionsGuard.policyIds(errors), "diagnostics", errors));
          }
          mongo.remove(existing);
          return null;
        });
    engines.requestReload(tenantId);
  }
}
