package io.tocsin.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Regression: after H2 closed the embedded store (a commit failed), every write answered 500 "This
 * store is closed" while health stayed UP, because {@code ping} never touches the file. Its own
 * in-memory store, closed by the test, and its own context, thrown away afterwards.
 */
@DirtiesContext
class ClosedStoreHealthTest extends ApiTest {

  @TestBean(name = "embeddedMvStore", methodName = "memoryStore")
  MVStore store;

  static MVStore memoryStore() {
    return new MVStore.Builder().autoCommitDisabled().open();
  }

  @Test
  void storeClosedThenHealthAndReadinessAreDown() {
    ApiClient api = anonymous();
    assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);

    store.closeImmediately();

    Response health = api.get("/api/v1/health");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.text("status")).isEqualTo("unhealthy");
    assertThat(health.body().path("services").path("database").asString()).isEqualTo("unhealthy");
    Response ready = api.get("/api/v1/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.text("status")).isEqualTo("not_ready");
    Response actuator = api.get("/actuator/health");
    assertThat(actuator.status()).isEqualTo(503);
    assertThat(actuator.text("status")).isEqualTo("DOWN");
    Response readiness = api.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.text("status")).isEqualTo("DOWN");
  }
}
