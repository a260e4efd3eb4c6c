package io.tocsin.api.tenant;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.Role;
import io.tocsin.api.security.TenantDirectory;
import io.tocsin.api.user.CreateUserRequest;
import io.tocsin.api.user.CreatedUser;
import io.tocsin.api.user.UserService;
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
  private final UserService users;
  private final Clock clock;

  TenantService(TenantRepository tenants, UserService users, Clock clock) {
    this.tenants = tenants;
    this.users = users;
    this.clock = clock;
  }

  /**
   * A created tenant and, when {@code admin_email} was given, its first admin.
   *
   * @param tenant the tenant
   * @param admin the admin with a one-time set-password token, or null
   */
  record Created(Tenant tenant, CreatedUser admin) {}

  @Override
  public boolean exists(String tenantId) {
    return tenants.existsById(tenantId);
  }

  /** Creates tenant {@code default} if the database has no tenant yet. */
  public void ensureDefault() {
    if (tenants.count() == 0) {
      insert(
          new Tenant(
              CurrentPrincipal.PLATFORM_TENANT,
              "Default",
              DEFAULT_RETENTION_DAYS,
              clock.instant(),
              null),
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

  Created create(CurrentPrincipal principal, CreateTenantRequest request) {
    if (!principal.isPlatformAdmin()) {
      throw ApiException.forbidden("Only the platform admin creates tenants");
    }
    String id = request.id() != null ? request.id() : slug(request.name());
    CreateTenantRequest.Settings settings = request.settings();
    Integer retentionDays =
        settings != null && settings.retentionDays() != null
            ? settings.retentionDays()
            : request.retentionDays();
    int retention = retentionDays == null ? DEFAULT_RETENTION_DAYS : retentionDays;
    Integer maxAgents = settings == null ? null : settings.maxAgents();
    Tenant tenant =
        insert(new Tenant(id, request.name().trim(), retention, clock.instant(), maxAgents), false);
    if (request.adminEmail() == null || request.adminEmail().isBlank()) {
      return new Created(tenant, null);
    }
    CreatedUser admin =
        users.create(
            id,
            new CreateUserRequest(request.adminEmail().trim(), null, null, null, Role.ADMIN),
            Role.ADMIN);
    return new Created(tenant, admin);
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
