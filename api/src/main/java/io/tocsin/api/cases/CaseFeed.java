package io.tocsin.api.cases;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The cases of a tenant changed in a time window, each as the {@link CaseChanged} its last write
 * published: what the webhook outbox sweeper re-enqueues when the server died between a case write
 * and the enqueue that follows it.
 */
@Component
public class CaseFeed {

  private final MongoTemplate mongo;

  CaseFeed(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Changed at or after {@code from} and before {@code to}, oldest first, at most {@code limit}.
   */
  public List<CaseChanged> changedBetween(String tenantId, Instant from, Instant to, int limit) {
    Query changed =
        Query.query(where("tenantId").is(tenantId).and("updatedAt").gte(from).lt(to))
            .with(Sort.by("updatedAt"))
            .limit(limit);
    return mongo.find(changed, Case.class).stream().map(CaseFeed::lastChange).toList();
  }

  /** The entries of one write share its time, which is also the case's {@code updated_at}. */
  private static CaseChanged lastChange(Case c) {
    List<CaseAuditEntry> last =
        c.audit.stream().filter(e -> e.at() != null && e.at().equals(c.updatedAt)).toList();
    String type = c.version == 1 ? CaseChanged.CASE_CREATED : CaseChanged.CASE_UPDATED;
    return new CaseChanged(c.tenantId, type, CaseViews.change(c, last));
  }
}
