package io.tocsin.api.list;

import io.tocsin.dsl.ConditionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** A tenant's named lists and macros, as the condition language consumes them. */
@Component
public class NamedValues {

  private final MongoTemplate mongo;

  NamedValues(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The tenant's lists and macros, for checking or compiling a condition (search, policies). */
  public ConditionContext contextFor(String tenantId) {
    return ConditionContext.of(lists(tenantId), macros(tenantId));
  }

  /** Name → values of the tenant's lists. */
  public Map<String, List<String>> lists(String tenantId) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    mongo.find(byTenant(tenantId), NamedList.class).forEach(l -> out.put(l.name(), l.values()));
    return out;
  }

  /** Name → condition of the tenant's macros. */
  public Map<String, String> macros(String tenantId) {
    Map<String, String> out = new LinkedHashMap<>();
    mongo.find(byTenant(tenantId), Macro.class).forEach(m -> out.put(m.name(), m.condition()));
    return out;
  }

  private static Query byTenant(String tenantId) {
    return Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("name"));
  }
}
