package io.tocsin.api.tenant;

import java.time.Duration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** How long a tenant keeps its data: its {@code retention_days}, or the default. */
@Component
public class RetentionPolicy {

  private final MongoTemplate mongo;

  RetentionPolicy(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Duration retention(String tenantId) {
    Tenant tenant = mongo.findById(tenantId, Tenant.class);
    return Duration.ofDays(days(tenant));
  }

  public static int days(Tenant tenant) {
    return tenant == null || tenant.retentionDays() <= 0
        ? TenantService.DEFAULT_RETENTION_DAYS
        : tenant.retentionDays();
  }
}
