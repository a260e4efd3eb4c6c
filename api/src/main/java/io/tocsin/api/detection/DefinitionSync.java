package io.tocsin.api.detection;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Picks up policy, list and macro changes made through other servers sharing the database. */
@Component
class DefinitionSync {

  private static final Logger log = LoggerFactory.getLogger(DefinitionSync.class);

  private final TenantEngines engines;

  DefinitionSync(TenantEngines engines) {
    this.engines = engines;
  }

  @Scheduled(
      fixedDelayString = "${tocsin.engine.sync-interval:PT1S}",
      initialDelayString = "${tocsin.engine.sync-interval:PT1S}")
  void run() {
    try {
      List<String> reloaded = engines.syncWithStore();
      if (!reloaded.isEmpty()) {
        log.info("definitions changed elsewhere; reloading tenants {}", reloaded);
      }
    } catch (RuntimeException e) {
      log.warn("checking for definition changes failed; retrying", e);
    }
  }
}
