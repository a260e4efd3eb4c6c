package io.tocsin.api.health;

import io.tocsin.api.storage.StoreHealthIndicator;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers: the embedded store's own indicator where there is one (it also
 * knows whether its file is still open), else a {@code ping} to MongoDB.
 */
@Component
public class DatabaseStatus {

  private final MongoTemplate mongo;
  private final ObjectProvider<StoreHealthIndicator> store;

  DatabaseStatus(MongoTemplate mongo, ObjectProvider<StoreHealthIndicator> store) {
    this.mongo = mongo;
    this.store = store;
  }

  public boolean up() {
    StoreHealthIndicator indicator = store.getIfAvailable();
    if (indicator != null) {
      return indicator.isUp();
    }
    try {
      mongo.executeCommand(new Document("ping", 1));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
