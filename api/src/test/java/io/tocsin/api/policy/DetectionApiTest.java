package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shared setup of the policy, list, macro and engine tests: each test gets a fresh tenant (so the
 * built-in pack in {@code default} and other tests' policies stay out of the way) with an engineer,
 * an analyst and a viewer. Same Spring configuration as {@link ApiTest}: one context.
 */
public abstract class DetectionApiTest extends ApiTest {

  /**
   * A fresh tenant and its users.
   *
   * @param id tenant id
   * @param admin the platform admin acting in the tenant
   */
  public record Tenant(
      String id, ApiClient admin, ApiClient engineer, ApiClient analyst, ApiClient viewer) {}

  protected Tenant newTenant() {
    String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = admin().post("/api/v1/tenants", Map.of("name", "Tenant " + id, "id", id));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ApiClient admin = admin().with("X-Tenant-ID", id);
    return new Tenant(
        id,
        admin,
        userWithRole(admin, "detection_engineer").client(),
        userWithRole(admin, "analyst").client(),
        userWithRole(admin, "viewer").client());
  }

  /** A one-rule policy body. */
  protected static Map<String, Object> policy(String name, String condition) {
    return Map.of(
        "name",
        name,
        "description",
        "test policy",
        "tags",
        List.of("attack.t1059"),
        "rules",
        List.of(Map.of("condition", condition, "severity", "high")));
  }

  protected static Response created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response;
  }

  protected static Response ok(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }
}
