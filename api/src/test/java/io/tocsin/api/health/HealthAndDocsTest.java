package io.tocsin.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import org.junit.jupiter.api.Test;

class HealthAndDocsTest extends ApiTest {

  @Test
  void healthIsPublicInSeedShape() {
    Response health = anonymous().get("/api/v1/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("healthy");
    assertThat(health.text("version")).isNotBlank();
    assertThat(health.text("timestamp")).isNotBlank();
    assertThat(health.body().path("services").path("database").asString()).isEqualTo("healthy");
  }

  @Test
  void readinessIsPublic() {
    Response ready = anonymous().get("/api/v1/health/ready");

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.text("status")).isEqualTo("ready");
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    Response docs = anonymous().get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().path("paths").has("/api/v1/auth/login")).isTrue();
    assertThat(docs.body().path("paths").has("/api/v1/users")).isTrue();
    assertThat(docs.raw().body()).doesNotContain("CurrentPrincipal");
  }

  @Test
  void swaggerUiIsServed() {
    Response ui = anonymous().get("/swagger-ui/index.html");

    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.raw().body()).contains("swagger");
  }

  @Test
  void prometheusMetricsAreExposedToPlatformAdmins() {
    Response metrics = admin().get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void actuatorHealthIsUpOnEmbeddedStore() {
    Response health = anonymous().get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
  }
}
