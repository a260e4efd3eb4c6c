package io.tocsin.api.storage;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health of the document store by a {@code ping}, which the embedded store and MongoDB both know.
 */
public class StoreHealthIndicator implements HealthIndicator {

  private final MongoTemplate template;
  private final String kind;

  public StoreHealthIndicator(MongoTemplate template, String kind) {
    this.template = template;
    this.kind = kind;
  }

  @Override
  public Health health() {
    try {
      template.executeCommand(new Document("ping", 1));
      return Health.up().withDetail("store", kind).build();
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("store", kind)
          .withDetail("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
