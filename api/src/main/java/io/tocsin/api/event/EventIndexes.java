package io.tocsin.api.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * Indexes of the {@code events} collection, one per query shape served. The embedded store keeps
 * only unique indexes (it accepts and ignores the others), real MongoDB builds all of them. No
 * {@code {tenant_id, id}} unique index: {@code _id} is {@code tenant:id}, so the primary index
 * already rejects a tenant's duplicate id, and a second unique index would double every insert's
 * index work.
 */
final class EventIndexes {

  private EventIndexes() {}

  static void ensure(MongoCollection<Document> events) {
    events.createIndex(Indexes.ascending("tenant_id", "ts"), new IndexOptions().name("tenant_ts"));
    events.createIndex(
        Indexes.ascending("tenant_id", "host_id", "ts"), new IndexOptions().name("tenant_host_ts"));
    events.createIndex(
        Indexes.ascending("tenant_id", "event.type", "ts"),
        new IndexOptions().name("tenant_type_ts"));
    events.createIndex(
        Indexes.ascending("tenant_id", "user.id", "ts"), new IndexOptions().name("tenant_user_ts"));
    // Retention deletes by ingest time.
    events.createIndex(
        Indexes.ascending("tenant_id", EventDocuments.INGESTED_AT),
        new IndexOptions().name("tenant_ingested_at"));
  }
}
