package io.tocsin.api.policy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.detection.Problem;
import io.tocsin.api.web.PageInfo;
import java.time.Instant;
import java.util.List;

/** What the policy endpoints answer, built from stored records at the HTTP edge. */
final class PolicyViews {

  private PolicyViews() {}

  /** A stored policy: its canonical document plus who wrote it, when, and its version. */
  record PolicyView(
      String id,
      String name,
      String description,
      boolean enabled,
      List<String> tags,
      List<PolicySource.PolicyRule> rules,
      Instant createdAt,
      Instant updatedAt,
      String createdBy,
      String updatedBy,
      @Schema(description = "1 on create, +1 on every write") int version,
      @Schema(description = "Seeded or installed from a built-in pack") boolean builtin) {

    static PolicyView of(PolicyRecord record) {
      PolicySource source = PolicySource.read(record.source());
      return new PolicyView(
          record.policyId(),
          source.name(),
          source.description(),
          source.enabled(),
          source.tags(),
          source.rules(),
          record.createdAt(),
          record.updatedAt(),
          record.createdBy(),
          record.updatedBy(),
          record.version(),
          record.builtin());
    }
  }

  /** {@code GET /policies}: one page of the tenant's policies, by id. */
  record PolicyPage(List<PolicyView> policies, @JsonUnwrapped PageInfo page) {}

  /**
   * One entry of a policy's history.
   *
   * @param change created, updated, enabled, disabled, deleted, seeded, applied, reverted or a pack
   *     change (pack_installed, pack_updated, ...)
   */
  record PolicyVersionView(
      String policyId,
      int version,
      String change,
      String changedBy,
      Instant changedAt,
      @Schema(description = "The policy as it stood after the change; only on a single version")
          PolicySource policy) {

    static PolicyVersionView of(PolicyVersion v, boolean withSource) {
      return new PolicyVersionView(
          v.policyId(),
          v.version(),
          v.change(),
          v.changedBy(),
          v.changedAt(),
          withSource ? PolicySource.read(v.source()) : null);
    }
  }

  /** {@code GET /policies/{id}/versions}: newest first. */
  record PolicyVersionPage(List<PolicyVersionView> versions, @JsonUnwrapped PageInfo page) {}

  /**
   * {@code POST /policies/validate}: a valid body (an invalid one is a 400 with diagnostics).
   *
   * @param policy the body in canonical form, defaults filled in
   */
  record PolicyValidation(boolean valid, List<Problem> warnings, PolicySource policy) {}
}
