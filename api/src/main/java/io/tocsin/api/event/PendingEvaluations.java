package io.tocsin.api.event;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Events stored but whose detections are not recorded yet, one small document per ingest call
 * ({@code pending_evaluations}). Ingest opens the batch before it stores the events and closes it
 * once their alerts are written, so a crash or a failed evaluation leaves the batch for the
 * sweeper. One insert and one delete per call replace a second write of every event.
 */
@Component
public class PendingEvaluations {

  static final String COLLECTION = "pending_evaluations";
  private static final String TENANT = "tenant_id";
  private static final String EVENT_IDS = "event_ids";
  private static final String CREATED_AT = "created_at";

  private final MongoCollection<Document> batches;

  PendingEvaluations(MongoTemplate template) {
    this.batches =
        template
            .getCollection(COLLECTION)
            .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    batches.createIndex(Indexes.ascending(CREATED_AT), new IndexOptions().name("created_at"));
    batches.createIndex(
        Indexes.ascending(TENANT, EVENT_IDS), new IndexOptions().name("tenant_event_ids"));
  }

  /**
   * A batch of a tenant's events awaiting evaluation.
   *
   * @param id the batch document's id
   * @param eventIds the events' ids (some may turn out to be duplicates that were not stored)
   */
  public record Batch(ObjectId id, String tenantId, List<String> eventIds, Instant createdAt) {}

  /** Records, durably, that these events are about to be stored and evaluated. */
  public Batch open(String tenantId, List<String> eventIds, Instant at) {
    Batch batch = new Batch(new ObjectId(), tenantId, List.copyOf(eventIds), at);
    batches.insertOne(
        new Document("_id", batch.id())
            .append(TENANT, tenantId)
            .append(EVENT_IDS, batch.eventIds())
            .append(CREATED_AT, Date.from(at)));
    return batch;
  }

  /** Adds ids to an open batch (durably, before those events are stored). */
  public Batch extend(Batch batch, List<String> moreIds) {
    batches.updateOne(
        new Document("_id", batch.id()),
        new Document("$push", new Document(EVENT_IDS, new Document("$each", moreIds))));
    List<String> ids = new ArrayList<>(batch.eventIds());
    ids.addAll(moreIds);
    return new Batch(batch.id(), batch.tenantId(), List.copyOf(ids), batch.createdAt());
  }

  /** The batch's detections are recorded: nothing left to do for it. */
  public void close(Batch batch) {
    batches.deleteOne(new Document("_id", batch.id()));
  }

  /**
   * Batches opened before {@code before}, oldest first, until they hold at least {@code maxEvents}
   * events (always at least one batch when there is one).
   */
  public List<Batch> openedBefore(Instant before, int maxEvents) {
    List<Batch> out = new ArrayList<>();
    int events = 0;
    for (Document doc :
        batches
            .find(new Document(CREATED_AT, new Document("$lt", Date.from(before))))
            .sort(new Document(CREATED_AT, 1))) {
      Batch batch = fromDocument(doc);
      out.add(batch);
      events += batch.eventIds().size();
      if (events >= maxEvents) {
        break;
      }
    }
    return out;
  }

  /** Whether the tenant's event is in a batch still awaiting evaluation. */
  public boolean isPending(String tenantId, String eventId) {
    return batches.find(new Document(TENANT, tenantId).append(EVENT_IDS, eventId)).first() != null;
  }

  /** The ids of all the tenant's events awaiting evaluation (normally none). */
  public Set<String> pendingIds(String tenantId) {
    Set<String> ids = new HashSet<>();
    batches
        .find(new Document(TENANT, tenantId))
        .forEach(doc -> ids.addAll(fromDocument(doc).eventIds()));
    return ids;
  }

  private static Batch fromDocument(Document doc) {
    return new Batch(
        doc.getObjectId("_id"),
        doc.getString(TENANT),
        doc.getList(EVENT_IDS, String.class),
        doc.getDate(CREATED_AT).toInstant());
  }
}
