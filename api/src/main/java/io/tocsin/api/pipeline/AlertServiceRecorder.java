package io.tocsin.api.pipeline;

import io.tocsin.api.alert.AlertService;
import io.tocsin.engine.Detection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Records detections through the {@link AlertService} (idempotent by detection id). */
@Component
class AlertServiceRecorder implements DetectionRecorder {

  private final AlertService alerts;

  AlertServiceRecorder(AlertService alerts) {
    this.alerts = alerts;
  }

  @Override
  public void record(String tenantId, List<Detection> detections) {
    alerts.record(tenantId, detections);
  }
}
