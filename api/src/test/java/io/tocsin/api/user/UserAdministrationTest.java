package io.tocsin.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAdministrationTest extends ApiTest {

  @Test
  void updateThenChangesApplyAndPasswordWorks() {
    TestUser user = userWithRole(admin(), "viewer");

    Response updated =
        admin()
            .put(
                "/api/v1/users/" + user.id(),
                Map.of(
                    "role", "detection_engineer", "name", "Renamed", "password", "brand-new-pass"));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.text("role")).isEqualTo("detection_engineer");
    assertThat(updated.text("name")).isEqualTo("Renamed");
    assertThat(updated.text("email")).isEqualTo(user.username() + "@example.com");
    assertThat(login(user.username(), "brand-new-pass")).isNotBlank();
    assertThat(updated.raw().body()).doesNotContain("password");
  }

  @Test
  void deleteThenGoneAndCannotLogIn() {
    TestUser user = userWithRole(admin(), "analyst");

    assertThat(admin().delete("/api/v1/users/" + user.id()).status()).isEqualTo(204);

    assertThat(admin().get("/api/v1/users/" + user.id()).status()).isEqualTo(404);
    Response login =
        anonymous()
            .post("/api/v1/auth/login", Map.of("username", user.username(), "password", PASSWORD));
    assertThat(login.status()).isEqualTo(401);
  }

  @Test
  void demoteOrDeleteLastAdminOfTenantThen409() {
    String tenant = "solo-" + UUID.randomUUID().toString().substring(0, 6);
    admin().post("/api/v1/tenants", Map.of("name", "Solo", "id", tenant));
    ApiClient platform = admin().with("X-Tenant-ID", tenant);
    TestUser onlyAdmin = userWithRole(platform, "admin");

    assertThat(platform.put("/api/v1/users/" + onlyAdmin.id(), Map.of("role", "viewer")).status())
        .isEqualTo(409);
    assertThat(platform.delete("/api/v1/users/" + onlyAdmin.id()).status()).isEqualTo(409);

    userWithRole(platform, "admin");
    assertThat(platform.put("/api/v1/users/" + onlyAdmin.id(), Map.of("role", "viewer")).status())
        .isEqualTo(200);
  }

  @Test
  void deleteSelfThen400() {
    TestUser admin = userWithRole(admin(), "admin");

    assertThat(admin.client().delete("/api/v1/users/" + admin.id()).status()).isEqualTo(400);
  }

  @Test
  void createWhenEmailTakenThen409() {
    TestUser user = userWithRole(admin(), "viewer");

    Response again =
        admin().post("/api/v1/users", Map.of("email", user.username() + "@example.com"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("CONFLICT");
  }
}
