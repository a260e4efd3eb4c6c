package io.tocsin.api.cyberpulse;

import io.tocsin.api.cyberpulse.DashboardMetrics.CompletionCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code project_completion}: the share (percent) of the tenant's cases and case tasks ({@code
 * cases}, {@code case_tasks}, written by the case feature) whose {@code status} is done ({@code
 * completed}, {@code closed} or {@code done}); 0 while there are none. Read by collection name so
 * the dashboard does not depend on the case feature's classes.
 */
@Component
class ProjectCompletion {

  static final List<String> COLLECTIONS = List.of("cases", "case_tasks");
  static final List<String> DONE = List.of("completed", "closed", "done");

  private final MongoTemplate mongo;

  ProjectCompletion(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * The share done.
   *
   * @param percent of all cases and tasks, one decimal
   * @param detail per collection
   */
  record Completion(double percent, Map<String, CompletionCount> detail) {}

  Completion of(String tenantId) {
    Document tenant =
        new Document(
            "$or",
            List.of(new Document("tenantId", tenantId), new Document("tenant_id", tenantId)));
    long done = 0;
    long total = 0;
    Map<String, CompletionCount> detail = new LinkedHashMap<>();
    for (String collection : COLLECTIONS) {
      long all = mongo.getCollection(collection).countDocuments(tenant);
      long finished =
          all == 0
              ? 0
              : mongo
                  .getCollection(collection)
                  .countDocuments(
                      new Document(
                          "$and",
                          List.of(tenant, new Document("status", new Document("$in", DONE)))));
      detail.put(collection, new CompletionCount(finished, all));
      done += finished;
      total += all;
    }
    return new Completion(total == 0 ? 0.0 : Math.round(1000.0 * done / total) / 10.0, detail);
  }
}
