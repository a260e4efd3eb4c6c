package io.tocsin.api.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Inventory tests over real HTTP: each test gets its own tenant with an agent key, a viewer and an
 * admin acting in it, so host counts never include another test's hosts.
 */
abstract class InventoryTestBase extends ApiTest {

  protected String tenant;
  protected ApiClient agent;
  protected ApiClient viewer;
  protected ApiClient tenantAdmin;

  @BeforeEach
  void tenantWithAgentAndViewer() {
    ApiClient platformAdmin = platformAdmin();
    tenant = InventoryFixtures.newTenant(platformAdmin);
    tenantAdmin = platformAdmin.with("X-Tenant-ID", tenant);
    agent = InventoryFixtures.agentKey(tenantAdmin, anonymous());
    viewer = userWithRole(tenantAdmin, "viewer").client();
  }

  /** The platform admin; a subclass with its own context logs in afresh. */
  protected ApiClient platformAdmin() {
    return admin();
  }

  protected Response submit(Map<String, Object> snapshot) {
    Response r = agent.post("/api/v1/submit/", snapshot);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  protected static Response ok(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }
}
