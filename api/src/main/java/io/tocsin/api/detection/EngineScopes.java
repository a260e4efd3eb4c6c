package io.tocsin.api.detection;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Makes independent sets of tenant engines, e.g. one per Kafka partition a worker owns: each holds
 * the correlation state of its partition's hosts only, so a partition can move to another worker
 * and be rebuilt there without touching the others. They read the same stored definitions as {@link
 * TenantEngines} and reload on the same changes ({@link TenantEngines#syncWithStore()}).
 */
@Component
public class EngineScopes {

  private final DefinitionStore store;
  private final DefinitionValidator validator;
  private final DefinitionRevisions revisions;
  private final Clock clock;
  private final MeterRegistry meters;

  EngineScopes(
      DefinitionStore store,
      DefinitionValidator validator,
      DefinitionRevisions revisions,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.validator = validator;
    this.revisions = revisions;
    this.clock = clock;
    this.meters = meters;
  }

  /** New, empty engines tagged {@code scope} in metrics; call {@code destroy()} when done. */
  public TenantEngines create(String scope) {
    return new TenantEngines(store, validator, revisions, clock, meters, scope);
  }
}
