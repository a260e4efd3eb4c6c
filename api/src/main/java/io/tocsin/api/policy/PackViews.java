package io.tocsin.api.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What the pack endpoints answer. */
final class PackViews {

  private PackViews() {}

  /**
   * A pack the server offers and its state in the tenant.
   *
   * @param version the version the server offers
   * @param policies policies in that version
   * @param installedVersion absent when not installed
   * @param installedPolicies policies of the installed version still stored in the tenant
   */
  record PackStatus(
      String id,
      String name,
      String description,
      String version,
      int policies,
      boolean installed,
      String installedVersion,
      boolean enabled,
      boolean updateAvailable,
      long installedPolicies) {}

  /** {@code GET /packs}: every pack the server offers (a short list, not paged). */
  record PackList(List<PackStatus> packs, int total) {}

  /** {@code GET /packs/{id}}: the pack's state and each of its policies in the tenant. */
  record PackDetail(
      String id,
      String name,
      String description,
      String version,
      List<PackPolicyState> policies,
      boolean installed,
      String installedVersion,
      boolean enabled,
      boolean updateAvailable,
      long installedPolicies) {

    static PackDetail of(PackStatus s, List<PackPolicyState> policies) {
      return new PackDetail(
          s.id(),
          s.name(),
          s.description(),
          s.version(),
          policies,
          s.installed(),
          s.installedVersion(),
          s.enabled(),
          s.updateAvailable(),
          s.installedPolicies());
    }
  }

  /**
   * One policy of a pack, as the tenant has it.
   *
   * @param file the pack file it comes from
   * @param state installed, modified, deleted, not_installed or conflict (a tenant policy of the
   *     same id that the pack did not install)
   */
  record PackPolicyState(
      String id,
      String name,
      String file,
      List<String> tags,
      List<String> falsePositives,
      String state,
      boolean enabled) {}

  /**
   * {@code POST /packs/{id}/enable}: a first enable installs the pack ({@code installed}, {@code
   * skipped_conflict}); a later one turns back on what disabling turned off ({@code
   * enabled_policies}).
   */
  record PackEnableReport(
      @Schema(description = "Policies installed; only when this enable installed the pack")
          List<String> installed,
      @Schema(description = "Pack policies not installed because the tenant has that id already")
          List<String> skippedConflict,
      @Schema(description = "Policies turned back on; only when the pack was installed before")
          List<String> enabledPolicies,
      PackStatus pack) {

    PackEnableReport with(PackStatus status) {
      return new PackEnableReport(installed, skippedConflict, enabledPolicies, status);
    }
  }

  /** {@code POST /packs/{id}/disable}: the pack's policies it turned off. */
  record PackDisableReport(List<String> disabledPolicies, PackStatus pack) {}

  /**
   * {@code POST /packs/{id}/update}: what the update did (or, on a dry run, would do) to each pack
   * policy.
   *
   * @param pack the pack id
   * @param unchanged policies the update leaves as they are
   */
  record PackUpdateReport(
      String pack,
      String fromVersion,
      String toVersion,
      boolean dryRun,
      boolean upToDate,
      boolean applied,
      List<String> added,
      List<String> updated,
      List<PackTunedPolicy> updatedKeptTuning,
      List<PackModifiedPolicy> keptModified,
      List<String> removed,
      List<String> keptRemovedFromPack,
      List<String> skippedDeleted,
      List<String> skippedConflict,
      int unchanged) {}

  /**
   * A policy updated to the new version with the tenant's tuning carried over.
   *
   * @param tuned the tuned members, e.g. {@code enabled}, {@code rules[r1].exceptions}
   */
  record PackTunedPolicy(String id, List<String> tuned) {}

  /**
   * A policy kept as the tenant edited it.
   *
   * @param edits the edited members
   */
  record PackModifiedPolicy(String id, List<String> edits) {}
}
