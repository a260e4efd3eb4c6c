package io.tocsin.api.storage;

import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health of the document store by a {@code ping}, which the embedded store and MongoDB both know.
 * The embedded store answers {@code ping} without touching its file, so it also reports whether the
 * file's MVStore is still open: H2 closes it for good after a failed commit, and every write then
 * fails until a restart.
 */
public class StoreHealthIndicator implements HealthIndicator {

  private final MongoTemplate template;
  private final String kind;
  private final BooleanSupplier closed;

  public StoreHealthIndicator(MongoTemplate template, String kind) {
    this(template, kind, () -> false);
  }

  public StoreHealthIndicator(MongoTemplate template, String kind, BooleanSupplier closed) {
    this.template = template;
    this.kind = kind;
    this.closed = closed;
  }

  /** Whether the store answers and (embedded) its file is open. */
  public boolean isUp() {
    return Status.UP.equals(health().getStatus());
  }

  @Override
  public Health health() {
    if (closed.getAsBoolean()) {
      return Health.down()
          .withDetail("store", kind)
          .withDetail("error", "store closed; restart the server (docs/operations.md)")
          .build();
    }
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
