package io.tocsin.api.tenant;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant.
 *
 * @param id slug used in {@code X-Tenant-ID}, e.g. {@code default}
 * @param name display name
 * @param retentionDays how long events and alerts are kept
 * @param createdAt creation time
 * @param maxAgents most hosts that may send data to the tenant; null for no limit
 */
@Document("tenants")
public record Tenant(
    @Id String id, String name, int retentionDays, Instant createdAt, Integer maxAgents) {}
