package io.tocsin.api.tenant;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.TenantDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Tenants, and the {@link TenantDirectory} the security layer resolves {@code X-Tenant-ID} with.
 */
@Service
public class TenantService implements TenantDirectory {

  public static final int DEFAULT_RETENTION_DAYS = 30;

  private final TenantRepository tenants;
  private final Clock clock;

  TenantService(TenantRepository tenants, Clock clock) {
    this.tenants = tenants;
    this.clock = clock;
  }

  @Override
  public boolean exists(String tenantId) {
    return tenants.existsById(tenantId);
  }

  /** Creates tenant {@code default} if the database has no tenant yet. */
  public void ensureDefault() {
    if (tenants.count() == 0) {
      insert(
          new Tenant(
              CurrentPrincipal.PLATFORM_TENANT, "Default", DEFAULT_RETENTION_DAYS, clock.instant()),
          true);
    }
  }

  List<Tenant> visibleTo(CurrentPrincipal principal) {
    if (principal.isPlatformAdmin()) {
      return tenants.findAll(Sort.by("createdAt", "id"));
    }
    return tenants.findById(principal.homeTenantId()).stream().toList();
  }

  Tenant get(CurrentPrincipal principal, String id) {
    if (!principal.isPlatformAdmin() && !id.equals(principal.homeTenantId())) {
      throw ApiException.notFound("Tenant");
    }
    return tenants.findById(id).orElseThrow(() -> ApiException.notFound("Tenant"));
  }

  Tenant create(CurrentPrincipal principal, CreateTenantRequest request) {
    if (!principal.isPlatformAdmin()) {
      throw ApiException.forbidden("Only the platform admin creates tenants");
    }
    String id = request.id() != null ? request.id() : slug(request.name());
    int retention =
        request.retentionDays() == null ? DEFAULT_RETENTION_DAYS : request.retentionDays();
    return insert(new Tenant(id, request.name().trim(), retention, clock.instant()), false);
  }

  private Tenant insert(Tenant tenant, boolean quietIfExists) {
    try {
      return tenants.insert(tenant);
    } catch (DuplicateKeyException e) {
      if (quietIfExists) {
        return tenant;
      }
      throw ApiException.conflict("Tenant " + tenant.id() + " already exists");
    }
  }

  static String slug(String name) {
    String slug =
        name.trim()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      throw ApiException.badRequest("Cannot derive a tenant id from the name; send an id");
    }
    return slug.length() > 63 ? slug.substring(0, 63) : slug;
  }
}
