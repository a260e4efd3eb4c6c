package io.tocsin.api.list;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.Paging;
import io.tocsin.dsl.Limits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Named lists of a tenant: values checked here, the change checked and stored by {@link
 * DefinitionChanges}.
 */
@Service
class ListService {

  static final int MAX_VALUE_LENGTH = 4096;

  private final DefinitionChanges changes;

  ListService(DefinitionChanges changes) {
    this.changes = changes;
  }

  ListPage list(String tenantId, Paging paging) {
    return changes.page(DefinitionKind.LIST, tenantId, paging, ListView::of, ListPage::new);
  }

  ListView get(String tenantId, String name) {
    return ListView.of(changes.find(DefinitionKind.LIST, tenantId, name));
  }

  /** Creates or replaces a list; {@code created} tells which. */
  Saved<ListView> put(String tenantId, String name, Requests.PutList body, String user) {
    Names.require(name, "list");
    List<String> values = values(body);
    return changes
        .put(
            DefinitionKind.LIST,
            tenantId,
            name,
            user,
            defs -> defs.withList(name, values),
            audit ->
                new NamedList(
                    Definition.idOf(tenantId, name),
                    tenantId,
                    name,
                    values,
                    body.description(),
                    audit.createdAt(),
                    audit.createdBy(),
                    audit.updatedAt(),
                    audit.updatedBy()))
        .map(ListView::of);
  }

  void delete(String tenantId, String name) {
    changes.delete(DefinitionKind.LIST, tenantId, name, defs -> defs.withList(name, null));
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
}
