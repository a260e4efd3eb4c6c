package io.tocsin.api.tenant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.user.CreatedUser;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Instant;
import java.util.List;

/** Responses of {@code /tenants}. */
final class TenantViews {

  private TenantViews() {}

  /**
   * A tenant as the API shows it; the settings are repeated at the top level (seed clients read
   * either).
   *
   * @param id slug used in {@code X-Tenant-ID}
   * @param name display name
   * @param retentionDays how long events and alerts are kept
   * @param maxAgents most hosts that may send data; absent for no limit
   * @param createdAt creation time
   * @param settings the same settings, as the seed's {@code settings} object
   */
  record TenantView(
      String id,
      String name,
      int retentionDays,
      Integer maxAgents,
      Instant createdAt,
      TenantSettings settings) {

    static TenantView of(Tenant t) {
      return new TenantView(
          t.id(),
          t.name(),
          t.retentionDays(),
          t.maxAgents(),
          t.createdAt(),
          new TenantSettings(t.retentionDays(), t.maxAgents()));
    }
  }

  /**
   * A tenant's {@code settings}.
   *
   * @param retentionDays how long events and alerts are kept
   * @param maxAgents most hosts that may send data; absent for no limit
   */
  record TenantSettings(int retentionDays, Integer maxAgents) {}

  /**
   * Response of {@code POST /tenants}.
   *
   * @param tenant the tenant
   * @param admin the first admin with their one-time set-password token, when {@code admin_email}
   *     was sent
   */
  record CreatedTenant(@JsonUnwrapped TenantView tenant, CreatedUser admin) {}

  /**
   * Response of {@code GET /tenants}: all tenants the caller sees, in one page.
   *
   * @param tenants the tenants
   * @param page paging fields
   */
  record TenantPage(List<TenantView> tenants, @JsonUnwrapped PageInfo page) {

    static TenantPage of(List<TenantView> all) {
      return new TenantPage(all, PageInfo.of(new Paging(all.size(), 0), all.size(), all.size()));
    }
  }
}
