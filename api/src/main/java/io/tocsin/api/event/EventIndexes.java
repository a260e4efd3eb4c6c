package io.tocsin.api.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * Indexes of the {@code events} collection, one per query shape served. The embedded store keeps
 * only unique indexes (it accepts and ignores the others), real MongoDB builds all of them.
 */
final class EventIndexes {

  private EventIndexes() {}

  static void ensure(MongoCollection<Document> events) {
    events.createIndex(
        Indexes.ascending("tenant_id", "id"),
        new IndexOptions().unique(true).name("tenant_id_1_id_1"));
    events.createIndex(Indexes.ascending("tenant_id", "ts"), new IndexOptions().name("tenant_ts"));
    events.createIndex(
        Indexes.ascending("tenant_id", "host_id", "ts"), new IndexOptions().name("tenant_host_ts"));
    events.createIndex(
        Indexes.ascending("tenant_id", "event.type", "ts"),
        new IndexOptions().name("tenant_type_ts"));
    events.createIndex(
        Indexes.ascending("tenant_id", "user.id", "ts"), new IndexOptions().name("tenant_user_ts"));
    // The sweeper's query; partial so evaluated events (nearly all) cost nothing in it.
    events.createIndex(
        Indexes.ascending("ingested_at"),
        new IndexOptions()
            .name("unevaluated_ingested_at")
            .partialFilterExpression(new Document(EventDocuments.EVALUATED, false)));
  }
}
