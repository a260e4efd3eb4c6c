package io.tocsin.api.security;

/** The header that selects the tenant a request acts in. */
public final class TenantHeader {

  public static final String NAME = "X-Tenant-ID";

  private TenantHeader() {}
}
