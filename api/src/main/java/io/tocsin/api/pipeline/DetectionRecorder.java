package io.tocsin.api.pipeline;

import io.tocsin.engine.Detection;
import java.util.List;

/** Records detections as alerts, idempotently by detection id (the alerts feature owns this). */
public interface DetectionRecorder {

  void record(String tenantId, List<Detection> detections);
}
