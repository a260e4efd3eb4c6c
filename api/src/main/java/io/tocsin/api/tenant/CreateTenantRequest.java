package io.tocsin.api.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /tenants}.
 *
 * @param name display name
 * @param id slug; derived from the name when absent
 * @param retentionDays retention of events and alerts, default 30
 * @param settings the seed's {@code settings} object; its values win over the top-level ones
 * @param adminEmail creates the tenant's first admin, who sets a password with a one-time token
 */
record CreateTenantRequest(
    @NotBlank @Size(max = 200) String name,
    @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}", message = "must be a lower-case slug") String id,
    @Min(1) @Max(3650) Integer retentionDays,
    @Valid Settings settings,
    @Email @Size(max = 254) String adminEmail) {

  /**
   * {@code settings}.
   *
   * @param retentionDays retention of events and alerts
   * @param maxAgents most hosts that may send events or inventory; absent for no limit
   */
  @Schema(name = "CreateTenantSettings")
  record Settings(
      @Min(1) @Max(3650) Integer retentionDays, @Min(1) @Max(1_000_000) Integer maxAgents) {}
}
