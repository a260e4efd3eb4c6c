package io.tocsin.api.security;

/**
 * {@code @PreAuthorize} expressions for the role matrix. Use them on every controller method, e.g.
 * {@code @PreAuthorize(Authz.ANALYST)}.
 */
public final class Authz {

  /** Agents' authority (API keys): may only ingest. */
  public static final String AGENT_AUTHORITY = "ROLE_AGENT";

  /** Tenant administration: users, API keys, tenants. */
  public static final String ADMIN = "hasRole('ADMIN')";

  /** Writing policies, lists, macros, webhooks. */
  public static final String ENGINEER = "hasAnyRole('ADMIN','DETECTION_ENGINEER')";

  /** Triage: updating alerts, running response actions. */
  public static final String ANALYST = "hasAnyRole('ADMIN','DETECTION_ENGINEER','ANALYST')";

  /** Reading anything in the tenant. */
  public static final String VIEWER = "hasAnyRole('ADMIN','DETECTION_ENGINEER','ANALYST','VIEWER')";

  /** Sending events: agents and the roles that may inject test events. */
  public static final String INGEST = "hasAnyRole('AGENT','ADMIN','DETECTION_ENGINEER')";

  private Authz() {}
}
