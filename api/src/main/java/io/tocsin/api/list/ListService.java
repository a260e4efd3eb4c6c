package io.tocsin.api.list;

import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.Paging;
import io.tocsin.dsl.Limits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Named lists of a tenant: validated against everything that uses them, then stored. */
@Service
class ListService {

  static final int MAX_VALUE_LENGTH = 4096;

  private final MongoTemplate mongo;
  private final DefinitionChanges changes;
  private final Clock clock;

  ListService(MongoTemplate mongo, DefinitionChanges changes, Clock clock) {
    this.mongo = mongo;
    this.changes = changes;
    this.clock = clock;
  }

  Map<String, Object> list(String tenantId, Paging paging) {
    return changes.page("lists", NamedList.class, tenantId, paging, ListView::of);
  }

  ListView get(String tenantId, String name) {
    return ListView.of(find(tenantId, name));
  }

  /** Creates or replaces a list; {@code created} tells which. */
  Saved put(String tenantId, String name, Requests.PutList body, String user) {
    Names.require(name, "list");
    List<String> values = values(body);
    return changes.save(
        tenantId,
        defs -> defs.withList(name, values),
        null,
        errors ->
            DefinitionValidator.invalid(
                "List [" + name + "] would break " + DefinitionsGuard.dependents(errors), errors),
        () -> {
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
  }

  void delete(String tenantId, String name) {
    NamedList existing = find(tenantId, name);
    changes.delete(tenantId, "List [" + name + "]", defs -> defs.withList(name, null), existing);
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
