package io.tocsin.api.policy;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of a policy's history: the full source as it stood after a write, who made it and when.
 * Entries survive the policy's deletion (the deletion is an entry too), so the history of a policy
 * id is one line even when it is deleted and created again.
 *
 * @param change {@code created}, {@code updated}, {@code enabled}, {@code disabled}, {@code
 *     deleted} or {@code seeded}
 */
@Document("policy_versions")
@CompoundIndex(
    name = "tenant_policy_version",
    def = "{'tenantId': 1, 'policyId': 1, 'version': -1}",
    unique = true)
record PolicyVersion(
    @Id String id,
    String tenantId,
    String policyId,
    int version,
    String change,
    String changedBy,
    Instant changedAt,
    String source) {

  static String idOf(String tenantId, String policyId, int version) {
    return tenantId + "/" + policyId + "/" + version;
  }
}
