package io.tocsin.api.detection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.tocsin.engine.RuleTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Exposes each tenant's slowest rules as {@code tocsin.engine.rule.eval.seconds{tenant, policy,
 * rule}}: estimated seconds spent evaluating the rule's non-indexed conditions since its policy set
 * was last compiled. Refreshed every {@code tocsin.engine.slow-rules-interval}; only the {@link
 * #TOP} slowest rules of each tenant are listed, so the series stay few.
 */
@Component
class SlowRuleMetrics {

  static final int TOP = 10;

  private final TenantEngines engines;
  private final MultiGauge gauge;

  SlowRuleMetrics(TenantEngines engines, MeterRegistry meters) {
    this.engines = engines;
    this.gauge =
        MultiGauge.builder("tocsin.engine.rule.eval.seconds")
            .description(
                "Estimated time spent evaluating a rule's conditions (slowest rules per tenant)")
            .baseUnit("seconds")
            .register(meters);
  }

  @Scheduled(
      fixedDelayString = "${tocsin.engine.slow-rules-interval:PT15S}",
      initialDelayString = "${tocsin.engine.slow-rules-interval:PT15S}")
  void refresh() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (Map.Entry<String, List<RuleTiming>> tenant : engines.slowestRules(TOP).entrySet()) {
      for (RuleTiming t : tenant.getValue()) {
        rows.add(
            MultiGauge.Row.of(
                Tags.of("tenant", tenant.getKey(), "policy", t.policyId(), "rule", t.ruleId()),
                t.nanos() / 1e9));
      }
    }
    gauge.register(rows, true);
  }
}
