package io.tocsin.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may call what: one row per caller and endpoint, expected status (the role matrix). */
class RoleMatrixTest extends ApiTest {

  private static final Map<String, ApiClient> CALLERS = new HashMap<>();

  @BeforeEach
  void callers() {
    if (CALLERS.isEmpty()) {
      ApiClient admin = admin();
      CALLERS.put("admin", admin);
      for (String role : new String[] {"detection_engineer", "analyst", "viewer"}) {
        CALLERS.put(role, userWithRole(admin, role).client());
      }
      String key = admin.post("/api/v1/api-keys", Map.of("name", "matrix")).text("key");
      CALLERS.put("agent", anonymous().with("X-API-Key", key));
      CALLERS.put("anonymous", anonymous());
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "admin, GET, /api/v1/users, 200",
    "detection_engineer, GET, /api/v1/users, 403",
    "analyst, GET, /api/v1/users, 403",
    "viewer, GET, /api/v1/users, 403",
    "agent, GET, /api/v1/users, 403",
    "anonymous, GET, /api/v1/users, 401",
    "admin, GET, /api/v1/users/me, 200",
    "detection_engineer, GET, /api/v1/users/me, 200",
    "analyst, GET, /api/v1/users/me, 200",
    "viewer, GET, /api/v1/users/me, 200",
    "agent, GET, /api/v1/users/me, 403",
    "admin, POST, /api/v1/users, 400",
    "detection_engineer, POST, /api/v1/users, 403",
    "viewer, POST, /api/v1/users, 403",
    "agent, POST, /api/v1/users, 403",
    "admin, GET, /api/v1/api-keys, 200",
    "detection_engineer, GET, /api/v1/api-keys, 403",
    "analyst, POST, /api/v1/api-keys, 403",
    "viewer, GET, /api/v1/api-keys, 403",
    "agent, GET, /api/v1/api-keys, 403",
    "admin, GET, /api/v1/tenants, 200",
    "viewer, GET, /api/v1/tenants, 200",
    "agent, GET, /api/v1/tenants, 403",
    "detection_engineer, POST, /api/v1/tenants, 403",
    "analyst, POST, /api/v1/tenants, 403",
    "viewer, POST, /api/v1/tenants, 403",
    "anonymous, POST, /api/v1/tenants, 401",
    "agent, POST, /api/v1/auth/logout, 403",
    "anonymous, GET, /api/v1/health, 200"
  })
  void callerGetsExpectedStatus(String caller, String method, String path, int expected) {
    ApiClient client = CALLERS.get(caller);
    Response response =
        method.equals("GET")
            ? client.get(path)
            : client.send(method, path, "{}", "application/json");

    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(response.errorCode()).isNotBlank();
    }
  }
}
