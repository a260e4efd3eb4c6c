package io.tocsin.api.policy;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored policy: its canonical source plus the fields lists filter on. The document id is {@code
 * tenantId/policyId}, so policy ids are unique per tenant and two tenants may use the same one.
 *
 * @param source the canonical JSON of the policy ({@link
 *     io.tocsin.engine.format.PolicyDocument#render})
 * @param version 1 on create, +1 on every write
 * @param builtin seeded from the built-in pack
 */
@Document("policies")
@CompoundIndex(name = "tenant_policy", def = "{'tenantId': 1, 'policyId': 1}", unique = true)
@CompoundIndex(name = "tenant_enabled", def = "{'tenantId': 1, 'enabled': 1, 'policyId': 1}")
@CompoundIndex(name = "tenant_tags", def = "{'tenantId': 1, 'tags': 1}")
record PolicyRecord(
    @Id String id,
    String tenantId,
    String policyId,
    String name,
    boolean enabled,
    List<String> tags,
    String source,
    int version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    boolean builtin) {

  static String idOf(String tenantId, String policyId) {
    return tenantId + "/" + policyId;
  }
}
