package io.tocsin.api.search;

import com.mongodb.client.MongoCursor;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.event.EventViews;
import io.tocsin.api.event.TimeParams;
import io.tocsin.api.query.QueryGuard;
import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.CheckedCondition;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.eval.EvalBudget;
import io.tocsin.dsl.mongo.MongoQuery;
import io.tocsin.dsl.mongo.MongoTranslator;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Checks the query, translates it to a MongoDB filter (always ANDed with the tenant and the time
 * range) and applies the residual predicate to what the store returns. Exact queries page in the
 * store; inexact ones scan at most {@code tocsin.search.max-scan} candidates, and say so with
 * {@code truncated} when they stop early ({@code total} is then a lower bound).
 */
@Service
class EventSearchService {

  private final EventStore store;
  private final ConditionContexts contexts;
  private final QueryGuard guard;
  private final int maxScan;

  EventSearchService(
      EventStore store,
      ConditionContexts contexts,
      QueryGuard guard,
      @Value("${tocsin.search.max-scan:100000}") int maxScan) {
    this.store = store;
    this.contexts = contexts;
    this.guard = guard;
    this.maxScan = maxScan;
  }

  /**
   * Runs within the tenant's search slots and the query budget: 429 when the tenant already runs
   * {@code tocsin.query.max-concurrent-searches}, 408 when the budget runs out.
   */
  SearchResults search(String tenantId, SearchRequest request) {
    return guard.run(tenantId, QueryGuard.Kind.SEARCH, budget -> search(tenantId, request, budget));
  }

  private SearchResults search(String tenantId, SearchRequest request, EvalBudget budget) {
    long started = System.nanoTime();
    Duration maxTime = budget.limit();
    if (request == null || request.query() == null || request.query().isBlank()) {
      throw ApiException.badRequest("query: must not be empty");
    }
    Instant start = TimeParams.instant("start_time", request.startTime());
    Instant end = TimeParams.instant("end_time", request.endTime());
    TimeParams.range(start, end);
    int limit = TimeParams.limit(request.limit());
    int direction = SearchSort.direction(request.sort());
    CheckedCondition condition = check(request.query(), tenantId);
    MongoQuery query = MongoTranslator.translate(condition);
    Document filter = scope(start, end, query.filter());
    Document sort = new Document("ts", direction).append("id", direction);

    List<Event> results = new ArrayList<>();
    long total;
    boolean truncated = false;
    if (query.exact()) {
      total = store.count(tenantId, filter, maxTime);
      budget.check();
      store.find(tenantId, filter, sort, 0, limit, maxTime).forEach(results::add);
    } else {
      long matched = 0;
      int scanned = 0;
      try (MongoCursor<Event> cursor =
          store.find(tenantId, filter, sort, 0, maxScan + 1, maxTime).cursor()) {
        while (cursor.hasNext()) {
          budget.check();
          if (++scanned > maxScan) {
            truncated = true;
            break;
          }
          Event event = cursor.next();
          if (query.accept(event)) {
            matched++;
            if (results.size() < limit) {
              results.add(event);
            }
          }
        }
      }
      total = matched;
    }
    return SearchResults.of(
        results.stream().map(EventViews::view).toList(),
        total,
        (System.nanoTime() - started) / 1_000_000,
        limit,
        truncated);
  }

  private CheckedCondition check(String text, String tenantId) {
    CheckResult result = Conditions.check(text, contexts.contextFor(tenantId));
    if (result.ok()) {
      return result.condition().orElseThrow();
    }
    List<Map<String, Object>> diagnostics =
        result.errors().stream().map(EventSearchService::diagnostic).toList();
    String message =
        "Invalid query: "
            + result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("; "));
    throw ApiException.badRequest(message, Map.of("diagnostics", diagnostics));
  }

  private static Map<String, Object> diagnostic(Diagnostic d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", d.code());
    out.put("line", d.line());
    out.put("column", d.column());
    out.put("message", d.message());
    return out;
  }

  private static Document scope(Instant start, Instant end, Document filter) {
    List<Document> and = new ArrayList<>();
    if (start != null || end != null) {
      Document range = new Document();
      if (start != null) {
        range.append("$gte", Date.from(start));
      }
      if (end != null) {
        range.append("$lte", Date.from(end));
      }
      and.add(new Document("ts", range));
    }
    if (!filter.isEmpty()) {
      and.add(filter);
    }
    return and.isEmpty()
        ? new Document()
        : and.size() == 1 ? and.get(0) : new Document("$and", and);
  }
}
