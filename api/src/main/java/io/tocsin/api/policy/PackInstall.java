package io.tocsin.api.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A pack installed in a tenant: which version, whether it is enabled, and each pack policy's source
 * <em>as the pack shipped it</em> (the base). Comparing a tenant's policy with its base is how an
 * update tells untouched, tuned and edited policies apart.
 *
 * @param id {@code tenantId/packId}
 * @param base one entry per policy the pack installed (kept after the tenant deletes the policy, so
 *     an update does not bring it back)
 * @param suspended pack policies that {@code disable} turned off, turned on again by {@code enable}
 */
@Document("policy_packs")
record PackInstall(
    @Id String id,
    @Indexed String tenantId,
    String packId,
    String version,
    boolean enabled,
    List<Entry> base,
    List<String> suspended,
    Instant installedAt,
    Instant updatedAt,
    String updatedBy) {

  /**
   * A pack policy's shipped source (the canonical JSON of {@link
   * io.tocsin.engine.format.PolicyDocument#render}).
   */
  record Entry(String policyId, String source) {}

  PackInstall {
    base = base == null ? List.of() : List.copyOf(base);
    suspended = suspended == null ? List.of() : List.copyOf(suspended);
  }

  static String idOf(String tenantId, String packId) {
    return tenantId + "/" + packId;
  }

  Map<String, String> baseById() {
    return base.stream().collect(Collectors.toMap(Entry::policyId, Entry::source, (a, b) -> b));
  }
}
