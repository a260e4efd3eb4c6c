package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.api.detection.DefinitionValidator;
import io.tocsin.api.detection.TenantEngines;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A write validates the tenant's whole set once: the engine that applies the stored change reuses
 * that validation and only compiles (counted as loader runs of {@link DefinitionValidator}).
 */
class PolicyWriteValidationTest extends DetectionApiTest {

  @Autowired DefinitionValidator validator;
  @Autowired TenantEngines engines;

  @Test
  void createWhenEngineLoadedThenSetValidatedOnceAndApplied() {
    Tenant t = newTenant();
    created(t.engineer().post("/api/v1/policies", policy("First", "process.name == 'a'")));
    engines.evaluate(t.id(), List.of()); // loads the tenant's engine
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> engines.status(t.id()).status().equals("applied"));
    long generation = engines.status(t.id()).generation();
    long loadsBefore = validator.loads();

    created(t.engineer().post("/api/v1/policies", policy("Second", "process.name == 'b'")));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> engines.status(t.id()).generation() > generation);

    assertThat(engines.status(t.id()).status()).isEqualTo("applied");
    assertThat(validator.loads() - loadsBefore).isEqualTo(1);
  }

  @Test
  void invalidWriteThenRefusedAndEngineUntouched() {
    Tenant t = newTenant();
    created(t.engineer().post("/api/v1/policies", policy("First", "process.name == 'a'")));
    engines.evaluate(t.id(), List.of());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> engines.status(t.id()).status().equals("applied"));
    long generation = engines.status(t.id()).generation();

    assertThat(t.engineer().post("/api/v1/policies", policy("Bad", "process.nme == 'b'")).status())
        .isEqualTo(400);

    assertThat(engines.status(t.id()).generation()).isEqualTo(generation);
  }
}
