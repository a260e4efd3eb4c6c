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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Named lists of a tenant: validated against everything that uses them, then stored. */
@Service
class ListService {

  static final int MAX_VALUE_LENGTH = 4096;

  private final MongoTemplate mongo;
  private final DefinitionStore store;
  private final DefinitionsGuard guard;
  private final TenantLocks locks;
  private final TenantEngines engines;
  private final Clock clock;

  ListService(
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
    long total = mongo.count(query, NamedList.class);
    query.with(Sort.by("name")).skip(paging.offset()).limit(paging.limit());
    List<ListView> items = mongo.find(query, NamedList.class).stream().map(ListView::of).toList();
    return ListResponse.of("lists", items, total, paging.limit(), paging.offset());
  }

  ListView get(String tenantId, String name) {
    return ListView.of(find(tenantId, name));
  }

  /** Creates or replaces a list; {@code created} tells which. */
  Saved put(String tenantId, String name, Requests.PutList body, String user) {
    Names.require(name, "list");
    List<String> values = values(body);
    Saved saved =
        locks.withLock(
            tenantId,
            () -> {
              TenantDefinitions next = store.load(tenantId).withList(name, values);
              List<Problem> errors = guard.errors(next, null);
              if (!errors.isEmpty()) {
                throw DefinitionValidator.invalid(
                    "List [" + name + "] would break " + DefinitionsGuard.dependents(errors),
                    errors);
              }
              NamedList old = mongo.findById(NamedList.idOf(tenantId, name), NamedList.class);
              Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              NamedList list =
                  new NamedList(
                      NamedList.idOf(tenantId, name),
                      tenantId,
                      name,
                      values,
                      body.description(),
                      old == null ? now : old.createdAt(),
                      old == null ? user : old.createdBy(),
                      now,
                      user);
              mongo.save(list);
              return new Saved(ListView.of(list), old == null);
            });
    engines.requestReload(tenantId);
    return saved;
  }

  void delete(String tenantId, String name) {
    locks.withLock(
        tenantId,
        () -> {
          NamedList existing = find(tenantId, name);
          List<Problem> errors = guard.errors(store.load(tenantId).withList(name, null), null);
          if (!errors.isEmpty()) {
            String users = DefinitionsGuard.dependents(errors);
            throw ApiException.badRequest(
                "List [" + name + "] is used by " + users + "; change them first",
                Map.of("policies", DefinitionsGuard.policyIds(errors), "diagnostics", errors));
          }
          mongo.remove(existing);
          return null;
        });
    engines.requestReload(tenantId);
  }

  private NamedList find(String tenantId, String name) {
    NamedList list = mongo.findById(NamedList.idOf(tenantId, name), NamedList.class);
    if (list == null || !tenantId.equals(list.tenantId())) {
      throw ApiException.notFound("List [" + name + "]");
    }
    return list;
  }

  private static List<String> values(Requests.PutList body) {
    if (body == null || body.values() == null) {
      throw ApiException.badRequest("values is required: {\"values\": [\"a\", \"b\"]}");
    }
    if (body.values().size() > Limits.MAX_LIST_SIZE) {
      throw ApiException.badRequest(
          "a list holds at most " + Limits.MAX_LIST_SIZE + " values, got " + body.values().size());
    }
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (int i = 0; i < body.values().size(); i++) {
      Object v = body.values().get(i);
      String text;
      if (v instanceof String s) {
        text = s;
      } else if (v instanceof BigDecimal d) {
        text = d.toPlainString();
      } else if (v instanceof Number || v instanceof Boolean) {
        text = v.toString();
      } else {
        throw ApiException.badRequest(
            "values[" + i + "] must be a string or a number, got " + describe(v));
      }
      if (text.length() > MAX_VALUE_LENGTH) {
        throw ApiException.badRequest(
            "values[" + i + "] is longer than " + MAX_VALUE_LENGTH + " characters");
      }
      values.add(text);
    }
    return new ArrayList<>(values);
  }

  private static String describe(Object v) {
    return v == null
        ? "null"
        : v instanceof Map ? "an object" : v instanceof List ? "an array" : v.toString();
  }

  /** The stored list and whether the request created it. */
  record Saved(ListView view, boolean created) {}
}
