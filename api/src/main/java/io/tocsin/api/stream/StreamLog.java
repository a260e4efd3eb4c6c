package io.tocsin.api.stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code stream_log} collection every server shares. Ids come from one counter document ({@code
 * stream_counters}, {@code $inc} in a findAndModify), so they are unique and increasing across
 * servers, but a writer may commit id 7 after another committed id 8: readers must not take a
 * missing id for a skipped one ({@link StreamTailer} waits for it). Bounded twice: a TTL index on
 * {@code expires_at} (real MongoDB) and {@link #prune} (by age and count, for the embedded store,
 * which does not expire documents).
 */
@Component
class StreamLog {

  static final String COLLECTION = "stream_log";
  static final String COUNTERS = "stream_counters";
  private static final String COUNTER_ID = "stream";

  private final MongoCollection<Document> log;
  private final MongoCollection<Document> counters;

  StreamLog(MongoTemplate template) {
    this.log = template.getCollection(COLLECTION);
    this.counters = template.getCollection(COUNTERS);
    log.createIndex(
        Indexes.ascending("expires_at"),
        new IndexOptions().name("expires_at").expireAfter(0L, TimeUnit.SECONDS));
  }

  /** An entry to append: everything but the id. */
  record Entry(
      String tenantId,
      StreamTopic topic,
      String type,
      String severity,
      String policyId,
      String hostId,
      Map<String, Object> data) {}

  /** Reserves {@code count} consecutive ids; returns the first. */
  long allocate(int count) {
    Document counter =
        counters.findOneAndUpdate(
            Filters.eq("_id", COUNTER_ID),
            Updates.inc("seq", (long) count),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return ((Number) counter.get("seq")).longValue() - count + 1;
  }

  /** The highest id allocated so far (0 when none). */
  long head() {
    Document counter = counters.find(Filters.eq("_id", COUNTER_ID)).first();
    return counter == null ? 0 : ((Number) counter.get("seq")).longValue();
  }

  /** Writes entries under ids {@code first, first+1, ...}. */
  void write(long first, List<Entry> entries, Instant now, Instant expiresAt) {
    List<Document> docs = new ArrayList<>(entries.size());
    long id = first;
    for (Entry e : entries) {
      docs.add(
          new Document("_id", id++)
              .append("tenant_id", e.tenantId())
              .append("topic", e.topic().wireName())
              .append("type", e.type())
              .append("severity", e.severity())
              .append("policy_id", e.policyId())
              .append("host_id", e.hostId())
              .append("ts", Date.from(now))
              .append("expires_at", Date.from(expiresAt))
              .append("data", new Document(e.data())));
    }
    log.insertMany(docs);
  }

  /** Up to {@code limit} entries with an id above {@code after}, in id order. */
  List<StreamMessage> after(long after, int limit) {
    return read(Filters.gt("_id", after), limit);
  }

  /** A tenant's entries with ids in {@code (after, upTo]}, in id order. */
  List<StreamMessage> tenantRange(String tenantId, long after, long upTo, int limit) {
    return read(
        Filters.and(
            Filters.gt("_id", after), Filters.lte("_id", upTo), Filters.eq("tenant_id", tenantId)),
        limit);
  }

  /** The lowest id still in the log, or empty log: {@code Long.MAX_VALUE}. */
  long oldest() {
    Document first = log.find().sort(Sorts.ascending("_id")).limit(1).first();
    return first == null ? Long.MAX_VALUE : ((Number) first.get("_id")).longValue();
  }

  /** Deletes entries older than {@code before} and all but the newest {@code keep}. */
  long prune(Instant before, long keep) {
    long deleted = log.deleteMany(Filters.lt("ts", Date.from(before))).getDeletedCount();
    long floor = head() - keep;
    if (floor > 0) {
      deleted += log.deleteMany(Filters.lte("_id", floor)).getDeletedCount();
    }
    return deleted;
  }

  private List<StreamMessage> read(Bson filter, int limit) {
    List<StreamMessage> out = new ArrayList<>();
    for (Document d : log.find(filter).sort(Sorts.ascending("_id")).limit(limit)) {
      StreamTopic topic = StreamTopic.ofWireName(d.getString("topic")).orElse(null);
      if (topic == null) {
        continue; // written by a newer server version: not ours to show
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) d.get("data", Document.class);
      out.add(
          new StreamMessage(
              ((Number) d.get("_id")).longValue(),
              d.getString("tenant_id"),
              topic,
              d.getString("type"),
              d.getDate("ts").toInstant(),
              d.getString("severity"),
              d.getString("policy_id"),
              d.getString("host_id"),
              data));
    }
    return out;
  }
}
