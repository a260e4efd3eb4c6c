package io.tocsin.api.security;

/**
 * The caller of the current request with its tenant already resolved. Declare it as a controller
 * parameter and pass {@link #tenantId()} down to services; never read tenant ids from bodies.
 *
 * @param userId user id, null for agents
 * @param username user name, or the key name for agents
 * @param role user role, null for agents
 * @param homeTenantId the tenant the user or key belongs to
 * @param tenantId the tenant this request acts in ({@code X-Tenant-ID} or the home tenant)
 * @param apiKeyId key id for agents, null for users
 * @param agentHostId the host an agent's key is bound to; null for users and unbound keys
 */
public record CurrentPrincipal(
    String userId,
    String username,
    Role role,
    String homeTenantId,
    String tenantId,
    String apiKeyId,
    String agentHostId) {

  /** Id of the tenant whose admins administer the platform. */
  public static final String PLATFORM_TENANT = "default";

  public boolean isAgent() {
    return apiKeyId != null;
  }

  /**
   * Whether this caller may send data for, and fetch and answer the commands of, {@code hostId}:
   * users and unbound keys may act for any host of the tenant, a bound key only for its own.
   */
  public boolean actsFor(String hostId) {
    return agentHostId == null || agentHostId.equals(hostId);
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** An admin of the {@code default} tenant: creates tenants and may act in any tenant. */
  public boolean isPlatformAdmin() {
    return role == Role.ADMIN && PLATFORM_TENANT.equals(homeTenantId);
  }
}
