package io.tocsin.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import java.util.Map;

/** Creates tenants and agent keys for tests through the API, as the platform admin. */
public final class TestTenants {

  private TestTenants() {}

  /**
   * A tenant made for a test.
   *
   * @param id tenant id
   * @param admin the platform admin acting in it
   */
  public record Tenant(String id, ApiClient admin) {}

  /** Creates a tenant with a unique id. */
  public static Tenant tenant(ApiClient platformAdmin, int retentionDays) {
    String id = TestDetections.unique("t");
    ApiClient.Response created =
        platformAdmin.post(
            "/api/v1/tenants", Map.of("name", id, "id", id, "retention_days", retentionDays));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Tenant(id, platformAdmin.with("X-Tenant-ID", id));
  }

  /** A new agent API key of the tenant {@code admin} acts in; returns a client sending it. */
  public static ApiClient agent(ApiClient admin, ApiClient anonymous) {
    ApiClient.Response key = admin.post("/api/v1/api-keys", Map.of("name", "agent"));
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    return anonymous.with("X-API-Key", key.text("key"));
  }
}
