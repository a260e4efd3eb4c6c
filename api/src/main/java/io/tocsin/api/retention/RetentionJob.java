package io.tocsin.api.retention;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the retention purge every {@code tocsin.retention.interval} (ISO-8601, default {@code
 * PT1H}), first after {@code tocsin.retention.initial-delay} (default {@code PT5M}); disabled with
 * {@code tocsin.retention.enabled=false}. On real MongoDB the TTL index on closed alerts expires
 * them too; the job is what enforces retention on the embedded store.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tocsin.retention.enabled", matchIfMissing = true)
class RetentionJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final RetentionService retention;
  private final Clock clock;

  RetentionJob(RetentionService retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${tocsin.retention.interval:PT1H}",
      initialDelayString = "${tocsin.retention.initial-delay:PT5M}")
  void run() {
    try {
      List<RetentionService.Purged> purged = retention.purge(clock.instant());
      Map<String, Long> totals = RetentionService.totals(purged);
      if (totals.values().stream().anyMatch(n -> n > 0)) {
        LOG.info("retention deleted {} across {} tenants", totals, purged.size());
      }
    } catch (RuntimeException e) {
      LOG.error("retention purge failed; retrying at the next interval", e);
    }
  }
}
