package io.tocsin.api.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code notify_channels} of the rule that raised an alert: from the alert's own {@code
 * parameters} when it carries them, otherwise from the rule's parameters in the stored policy
 * source (the alert view has {@code policy_id} and {@code rule_id} but not the parameters). Empty
 * when the rule names no channels, which means "every matching webhook".
 */
@Component
class NotifyChannels {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String POLICIES = "policies";

  private final MongoTemplate mongo;
  private final JsonMapper json = JsonMapper.builder().build();

  NotifyChannels(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  List<String> of(String tenantId, Map<String, Object> alert) {
    if (alert.get("parameters") instanceof Map<?, ?> parameters) {
      return names(parameters.get("notify_channels"));
    }
    Object policyId = alert.get("policy_id");
    Object ruleId = alert.get("rule_id");
    if (policyId == null || ruleId == null) {
      return List.of();
    }
    Document policy =
        mongo.findOne(
            Query.query(where("tenantId").is(tenantId).and("policyId").is(policyId.toString())),
            Document.class,
            POLICIES);
    if (policy == null || !(policy.get("source") instanceof String source)) {
      return List.of();
    }
    try {
      if (json.readValue(source, MAP).get("rules") instanceof List<?> rules) {
        for (Object rule : rules) {
          if (rule instanceof Map<?, ?> r
              && ruleId.toString().equals(String.valueOf(r.get("id")))
              && r.get("parameters") instanceof Map<?, ?> parameters) {
            return names(parameters.get("notify_channels"));
          }
        }
      }
    } catch (JacksonException e) {
      return List.of();
    }
    return List.of();
  }

  private static List<String> names(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value instanceof String s && !s.isBlank() ? List.of(s) : List.of();
  }
}
