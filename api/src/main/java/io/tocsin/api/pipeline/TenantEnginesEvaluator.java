package io.tocsin.api.pipeline;

import io.tocsin.api.detection.TenantEngines;
import io.tocsin.engine.Detection;
import io.tocsin.model.Event;
import java.util.List;
import org.springframework.stereotype.Component;

/** Evaluates with the tenant's engine from {@link TenantEngines}. */
@Component
class TenantEnginesEvaluator implements Evaluator {

  private final TenantEngines engines;

  TenantEnginesEvaluator(TenantEngines engines) {
    this.engines = engines;
  }

  @Override
  public List<Detection> evaluate(String tenantId, List<Event> events) {
    return engines.evaluate(tenantId, events);
  }
}
