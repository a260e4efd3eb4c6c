package io.tocsin.api.detection;

import io.tocsin.engine.Detection;
import java.util.List;

/** Where detections fired by the absence tick go (the alert feature records them). */
public interface DetectionSink {

  void record(String tenantId, List<Detection> detections);
}
