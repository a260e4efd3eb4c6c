package io.tocsin.api.alert;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.search.ConditionContexts;
import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.CheckedCondition;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.mongo.MongoQuery;
import io.tocsin.dsl.mongo.MongoTranslator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The alert list's free {@code condition}: the condition language, checked like a search and
 * translated to a filter on the copies of the triggering events each alert keeps ({@code events.}
 * prefix, so a field matches when any triggering event has it). Only conditions the store can
 * evaluate exactly are accepted; the rest are a 400 naming the reason.
 */
@Component
class AlertConditions {

  private final ConditionContexts contexts;

  AlertConditions(ConditionContexts contexts) {
    this.contexts = contexts;
  }

  Criteria criteria(String tenantId, String text) {
    CheckResult result = Conditions.check(text, contexts.contextFor(tenantId));
    if (!result.ok()) {
      List<Map<String, Object>> diagnostics =
          result.errors().stream().map(AlertConditions::diagnostic).toList();
      throw ApiException.badRequest(
          "condition: "
              + result.errors().stream()
                  .map(Diagnostic::toString)
                  .collect(Collectors.joining("; ")),
          Map.of("field", "condition", "diagnostics", diagnostics));
    }
    CheckedCondition condition = result.condition().orElseThrow();
    MongoQuery query = MongoTranslator.translate(condition, "events.");
    if (!query.exact()) {
      throw ApiException.badRequest(
          "condition: this condition needs a check the store cannot run (e.g. matches, glob or a"
              + " function); use it in event search instead",
          Map.of("field", "condition", "reason", "not translatable to a store filter"));
    }
    return new DocumentCriteria(query.filter());
  }

  private static Map<String, Object> diagnostic(Diagnostic d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", d.code());
    out.put("line", d.line());
    out.put("column", d.column());
    out.put("message", d.message());
    return out;
  }

  /** A criteria that is a ready-made filter document (the translator's output). */
  private static final class DocumentCriteria extends Criteria {

    private final Document filter;

    DocumentCriteria(Document filter) {
      this.filter = filter;
    }

    @Override
    public Document getCriteriaObject() {
      return filter;
    }
  }
}
