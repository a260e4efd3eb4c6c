package io.tocsin.api.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantIsolationTest extends ApiTest {

  private String tenantB;
  private TestUser adminB;
  private TestUser userInDefault;

  @BeforeEach
  void twoTenants() {
    tenantB = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = admin().post("/api/v1/tenants", Map.of("name", "Tenant B", "id", tenantB));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("id")).isEqualTo(tenantB);
    adminB = userWithRole(admin().with("X-Tenant-ID", tenantB), "admin");
    userInDefault = userWithRole(admin(), "viewer");
  }

  @Test
  void listUsersWhenAdminOfTenantThenOnlyThatTenantsUsers() {
    Response list = adminB.client().get("/api/v1/users");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().path("total").asInt()).isEqualTo(1);
    assertThat(list.body().path("users").get(0).path("id").asString()).isEqualTo(adminB.id());
    assertThat(list.body().path("users").get(0).path("tenant_id").asString()).isEqualTo(tenantB);
  }

  @Test
  void getUpdateDeleteUserOfOtherTenantThen404() {
    String path = "/api/v1/users/" + userInDefault.id();
    ApiClient client = adminB.client();

    assertThat(client.get(path).status()).isEqualTo(404);
    assertThat(client.put(path, Map.of("role", "admin")).status()).isEqualTo(404);
    assertThat(client.delete(path).status()).isEqualTo(404);
    assertThat(admin().get(path).status()).isEqualTo(200);
  }

  @Test
  void tenantHeaderWhenNotMemberThen403() {
    Response response = adminB.client().with("X-Tenant-ID", "default").get("/api/v1/users");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("AUTHORIZATION_ERROR");
  }

  @Test
  void tenantHeaderWhenPlatformAdminThenActsInThatTenant() {
    Response list = admin().with("X-Tenant-ID", tenantB).get("/api/v1/users");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().path("users").get(0).path("id").asString()).isEqualTo(adminB.id());
  }

  @Test
  void tenantHeaderWhenTenantUnknownThen404() {
    assertThat(admin().with("X-Tenant-ID", "no-such-tenant").get("/api/v1/users").status())
        .isEqualTo(404);
  }

  @Test
  void createTenantWhenAdminOfOtherTenantThen403() {
    Response response = adminB.client().post("/api/v1/tenants", Map.of("name", "Sneaky"));

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void listTenantsWhenNotPlatformAdminThenOnlyOwn() {
    Response tenants = adminB.client().get("/api/v1/tenants");

    assertThat(tenants.body().path("tenants").size()).isEqualTo(1);
    assertThat(tenants.body().path("tenants").get(0).path("id").asString()).isEqualTo(tenantB);
    assertThat(adminB.client().get("/api/v1/tenants/default").status()).isEqualTo(404);
  }

  @Test
  void loginWhenPlatformAdminSendsOtherTenantHeaderThenStillLogsIn() {
    Response login =
        anonymous()
            .with("X-Tenant-ID", tenantB)
            .post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.text("tenant_id")).isEqualTo("default");
  }

  @Test
  void createTenantWhenIdTakenThen409() {
    Response again = admin().post("/api/v1/tenants", Map.of("name", "Again", "id", tenantB));

    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void sameUsernameInTwoTenantsThenBothExistAndTenantHeaderPicksAtLogin() {
    String name = "shared-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> body =
        Map.of("email", name + "@example.com", "username", name, "password", PASSWORD);
    assertThat(admin().post("/api/v1/users", body).status()).isEqualTo(201);
    assertThat(adminB.client().post("/api/v1/users", body).status()).isEqualTo(201);
    assertThat(admin().post("/api/v1/users", body).status()).isEqualTo(409);

    Response ambiguous =
        anonymous().post("/api/v1/auth/login", Map.of("username", name, "password", PASSWORD));
    assertThat(ambiguous.status()).isEqualTo(400);
    Response picked =
        anonymous()
            .with("X-Tenant-ID", tenantB)
            .post("/api/v1/auth/login", Map.of("username", name, "password", PASSWORD));
    assertThat(picked.status()).isEqualTo(200);
    assertThat(picked.text("tenant_id")).isEqualTo(tenantB);
  }
}
