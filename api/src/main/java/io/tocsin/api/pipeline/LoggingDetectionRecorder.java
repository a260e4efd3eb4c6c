package io.tocsin.api.pipeline;

import io.tocsin.engine.Detection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stand-in until the alert service exists: logs detections instead of storing them. */
@Component
class LoggingDetectionRecorder implements DetectionRecorder {

  private static final Logger log = LoggerFactory.getLogger(LoggingDetectionRecorder.class);

  @Override
  public void record(String tenantId, List<Detection> detections) {
    log.info("tenant {}: {} detections (no alert service yet)", tenantId, detections.size());
  }
}
