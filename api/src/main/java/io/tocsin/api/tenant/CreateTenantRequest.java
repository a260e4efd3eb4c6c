package io.tocsin.api.tenant;

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
 */
record CreateTenantRequest(
    @NotBlank @Size(max = 200) String name,
    @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}", message = "must be a lower-case slug") String id,
    @Min(1) @Max(3650) Integer retentionDays) {}
