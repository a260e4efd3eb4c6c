package io.tocsin.api.detection;

import io.tocsin.engine.Detection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Once a second, advances the engines with absence rules to the wall clock and hands what fires ("A
 * not followed by B within T") to the {@link DetectionSink}.
 */
@Component
class EngineTicker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EngineTicker.class);

  private final TenantEngines engines;
  private final ObjectProvider<DetectionSink> sinks;
  private final Clock clock;
  private final long periodMillis;
  private ScheduledExecutorService timer;

  EngineTicker(
      TenantEngines engines,
      ObjectProvider<DetectionSink> sinks,
      Clock clock,
      @Value("${tocsin.engine.tick:1000}") long periodMillis) {
    this.engines = engines;
    this.sinks = sinks;
    this.clock = clock;
    this.periodMillis = periodMillis;
  }

  void tick() {
    try {
      Map<String, List<Detection>> fired = engines.advanceTo(clock.instant());
      fired.forEach(this::record);
    } catch (RuntimeException e) {
      log.error("engine tick failed", e);
    }
  }

  private void record(String tenantId, List<Detection> detections) {
    DetectionSink sink = sinks.getIfAvailable();
    if (sink == null) {
      log.warn(
          "tenant {}: {} absence detections and no sink to record them",
          tenantId,
          detections.size());
      return;
    }
    try {
      sink.record(tenantId, detections);
    } catch (RuntimeException e) {
      log.error("tenant {}: recording {} detections failed", tenantId, detections.size(), e);
    }
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tocsin-engine-tick");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
