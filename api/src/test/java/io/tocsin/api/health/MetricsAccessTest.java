package io.tocsin.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: anonymous {@code /actuator/prometheus} listed every tenant id in metric labels. Only a
 * platform admin (or the scrape token, see {@code MetricsAccessFilterTest}) reads it now.
 */
class MetricsAccessTest extends ApiTest {

  @Test
  void anonymousThen401InContract() {
    Response metrics = anonymous().get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(401);
    assertThat(metrics.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
    assertThat(metrics.raw().body()).doesNotContain("tenant=");
  }

  @Test
  void tenantAdminThen403() {
    String tenant = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = admin().post("/api/v1/tenants", Map.of("id", tenant, "name", tenant));
    assertThat(created.status()).as(created.toString()).isIn(200, 201);
    ApiClient inTenant = admin().with("X-Tenant-ID", tenant);
    TestUser tenantAdmin = userWithRole(inTenant, "admin");

    assertThat(tenantAdmin.client().get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(userWithRole(admin(), "analyst").client().get("/actuator/prometheus").status())
        .isEqualTo(403);
  }

  @Test
  void platformAdminReadsMetrics() {
    Response metrics = admin().get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().body()).contains("jvm_memory_used_bytes");
  }
}
