package io.tocsin.api.event;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.InsertManyOptions;
import io.tocsin.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code events} collection. Every query filters by tenant. Writes are acknowledged by a
 * majority with the journal ({@code w: majority, j: true}) so an acknowledged event survives a
 * crash on real MongoDB; the embedded store acknowledges after its own write.
 */
@Component
public class EventStore {

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> durable;

  EventStore(MongoTemplate template) {
    this.events = template.getCollection(EventDocuments.COLLECTION);
    this.durable = events.withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    EventIndexes.ensure(events);
  }

  /**
   * Stores events (all of {@code tenantId}) with one unordered bulk insert. Events whose id the
   * tenant already has are not stored again and are reported as duplicates.
   *
   * @return the events this call stored, in input order, and the ids that were already stored
   */
  public InsertOutcome insert(String tenantId, List<Event> batch, List<String> shapes, Instant at) {
    if (batch.isEmpty()) {
      return new InsertOutcome(List.of(), List.of());
    }
    List<Document> docs = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Event event = batch.get(i);
      if (!tenantId.equals(event.tenantId())) {
        throw new IllegalArgumentException("event of another tenant in the batch");
      }
      docs.add(EventDocuments.toDocument(event, at, shapes.get(i)));
    }
    Set<Integer> duplicates = new HashSet<>();
    try {
      durable.insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        duplicates.add(error.getIndex());
      }
      if (e.getWriteConcernError() != null) {
        throw e;
      }
    }
    List<Event> stored = new ArrayList<>(batch.size() - duplicates.size());
    List<Event> duplicated = new ArrayList<>(duplicates.size());
    for (int i = 0; i < batch.size(); i++) {
      (duplicates.contains(i) ? duplicated : stored).add(batch.get(i));
    }
    return new InsertOutcome(stored, duplicated);
  }

  /**
   * The hosts of the tenant's stored events with these ids ({@code ""} for an event without a
   * host); ids not stored are absent. Reads by primary key only.
   */
  public Map<String, String> hostsOf(String tenantId, Collection<String> ids) {
    Map<String, String> hosts = new HashMap<>();
    if (ids.isEmpty()) {
      return hosts;
    }
    List<String> keys = ids.stream().map(id -> EventDocuments.key(tenantId, id)).toList();
    events
        .find(new Document("_id", new Document("$in", keys)).append("tenant_id", tenantId))
        .projection(new Document("id", 1).append("host_id", 1))
        .forEach(
            d -> {
              Object host = d.get("host_id");
              hosts.put(d.getString("id"), host == null ? "" : host.toString());
            });
    return hosts;
  }

  /** Events with {@code from <= ts < to}, ts ascending, at most {@code limit}. */
  public List<Event> findInRange(String tenantId, Instant from, Instant to, int limit) {
    return findInRange(tenantId, from, to, limit, Duration.ZERO);
  }

  /** As {@link #findInRange(String, Instant, Instant, int)}, stopped by MongoDB after maxTime. */
  public List<Event> findInRange(
      String tenantId, Instant from, Instant to, int limit, Duration maxTime) {
    Document filter =
        new Document("tenant_id", tenantId)
            .append("ts", new Document("$gte", Date.from(from)).append("$lt", Date.from(to)));
    List<Event> out = new ArrayList<>();
    events
        .find(filter)
        .sort(new Document("ts", 1).append("id", 1))
        .limit(limit)
        .maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
        .forEach(d -> out.add(EventDocuments.fromDocument(d).event()));
    return out;
  }

  /** The tenant's events with these ids (unknown ids are skipped), in no particular order. */
  public List<Event> findByIds(String tenantId, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> keys = ids.stream().map(id -> EventDocuments.key(tenantId, id)).toList();
    List<Event> out = new ArrayList<>();
    events
        .find(new Document("_id", new Document("$in", keys)).append("tenant_id", tenantId))
        .forEach(d -> out.add(EventDocuments.fromDocument(d).event()));
    return out;
  }

  /** One event of the tenant with its ingest metadata. */
  public Optional<StoredEvent> findById(String tenantId, String id) {
    Document doc =
        events
            .find(
                new Document("_id", EventDocuments.key(tenantId, id)).append("tenant_id", tenantId))
            .first();
    return Optional.ofNullable(doc).map(EventDocuments::fromDocument);
  }

  /**
   * Deletes the tenant's events stored ({@code ingested_at}) before {@code before}, except {@code
   * keepIds}. Age counts from ingest, not from the event's own {@code ts}: a back-filled event with
   * an old {@code ts} is kept for the full retention period after it arrived.
   *
   * @return how many were deleted
   */
  public long deleteOlderThan(String tenantId, Instant before, Set<String> keepIds) {
    Document filter =
        new Document("tenant_id", tenantId)
            .append(EventDocuments.INGESTED_AT, new Document("$lt", Date.from(before)));
    if (!keepIds.isEmpty()) {
      List<String> keys = keepIds.stream().map(id -> EventDocuments.key(tenantId, id)).toList();
      filter.append("_id", new Document("$nin", keys));
    }
    return events.deleteMany(filter).getDeletedCount();
  }

  /**
   * The tenant's events matching {@code filter} in {@code sort} order, skipping {@code skip}, at
   * most {@code limit} (0 for no limit), lazily mapped; the tenant condition is always added.
   */
  public MongoIterable<Event> find(String tenantId, Bson filter, Bson sort, int skip, int limit) {
    return find(tenantId, filter, sort, skip, limit, Duration.ZERO);
  }

  /**
   * As {@link #find(String, Bson, Bson, int, int)}; MongoDB stops the query after {@code maxTime}
   * (zero: no limit) with {@code MongoExecutionTimeoutException}.
   */
  public MongoIterable<Event> find(
      String tenantId, Bson filter, Bson sort, int skip, int limit, Duration maxTime) {
    return events
        .find(scoped(tenantId, filter))
        .maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS)
        .sort(sort)
        .skip(skip)
        .limit(limit)
        .batchSize(limit > 0 ? Math.min(limit + 1, 1000) : 1000)
        .map(d -> EventDocuments.fromDocument(d).event());
  }

  /** How many of the tenant's events match {@code filter}. */
  public long count(String tenantId, Bson filter) {
    return count(tenantId, filter, Duration.ZERO);
  }

  /** As {@link #count(String, Bson)}, stopped by MongoDB after {@code maxTime} (zero: none). */
  public long count(String tenantId, Bson filter, Duration maxTime) {
    return events.countDocuments(
        scoped(tenantId, filter),
        new CountOptions().maxTime(maxTime.toMillis(), TimeUnit.MILLISECONDS));
  }

  private static Bson scoped(String tenantId, Bson filter) {
    Document tenant = new Document("tenant_id", tenantId);
    if (filter instanceof Document d && d.isEmpty()) {
      return tenant;
    }
    return new Document("$and", List.of(tenant, filter));
  }

  /**
   * What a bulk insert did.
   *
   * @param stored events this call stored, in input order
   * @param duplicates events whose id the tenant already had (not stored, not evaluated again)
   */
  public record InsertOutcome(List<Event> stored, List<Event> duplicates) {}
}
