package io.tocsin.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyTest extends ApiTest {

  @Test
  void createThenKeyShownOnceAndListedWithoutSecret() {
    Response created = admin().post("/api/v1/api-keys", Map.of("name", "host-1"));

    assertThat(created.status()).isEqualTo(201);
    String key = created.text("key");
    assertThat(key).startsWith("tsk_").hasSizeGreaterThan(40);
    Response list = admin().get("/api/v1/api-keys");
    assertThat(list.raw().body()).contains(created.text("id")).doesNotContain(key);
    assertThat(list.raw().body()).doesNotContain("key_hash");
  }

  @Test
  void keyAuthenticatesOnIngestPathsOnly() {
    String key = admin().post("/api/v1/api-keys", Map.of("name", "ingest")).text("key");
    ApiClient agent = anonymous().with("X-API-Key", key);

    assertThat(agent.post("/api/v1/events", Map.of()).status()).isNotIn(401, 403);
    assertThat(agent.get("/api/v1/users/me").status()).isEqualTo(403);
    assertThat(agent.get("/api/v1/events").status()).isEqualTo(403);
  }

  @Test
  void keyWhenUnknownThen401() {
    Response response =
        anonymous().with("X-API-Key", "tsk_not-a-real-key").post("/api/v1/events", Map.of());

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }

  @Test
  void keyWhenRevokedThen401() {
    Response created = admin().post("/api/v1/api-keys", Map.of("name", "doomed"));
    ApiClient agent = anonymous().with("X-API-Key", created.text("key"));
    assertThat(agent.post("/api/v1/events", Map.of()).status()).isNotEqualTo(401);

    assertThat(admin().delete("/api/v1/api-keys/" + created.text("id")).status()).isEqualTo(204);

    assertThat(agent.post("/api/v1/events", Map.of()).status()).isEqualTo(401);
    assertThat(admin().delete("/api/v1/api-keys/" + created.text("id")).status()).isEqualTo(404);
  }

  @Test
  void createWhenNameMissingThen400() {
    Response response = admin().post("/api/v1/api-keys", Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("error").path("details").path("fields").has("name")).isTrue();
  }
}
