package io.tocsin.api.event;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.engine.Detection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/security/events}: one event in the security-event shape, stored and evaluated
 * like any other; answers with its id, a risk score and whether it was evaluated.
 */
@RestController
class SecurityEventController {

  private final IngestService ingest;

  SecurityEventController(IngestService ingest) {
    this.ingest = ingest;
  }

  @PostMapping("/api/v1/security/events")
  @PreAuthorize(Authz.INGEST)
  Map<String, Object> ingest(CurrentPrincipal principal, @RequestBody Object body) {
    if (!(body instanceof Map<?, ?>)) {
      throw ApiException.badRequest("body: expected one security event object");
    }
    IngestResult result =
        ingest.ingest(principal.tenantId(), principal.agentHostId(), List.of(body));
    if (result.accepted().isEmpty()) {
      throw ApiException.badRequest(result.rejected().get(0).reason());
    }
    String id = result.accepted().get(0);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("event_id", id);
    response.put("risk_score", riskScore(result, id));
    response.put("processed", true);
    response.put("duplicate", result.duplicates() > 0);
    response.put("detections", result.detections().size());
    return response;
  }

  /** The highest risk of the detections the event triggered, else a baseline from severity. */
  private static int riskScore(IngestResult result, String id) {
    int best = -1;
    for (Detection d : result.detections()) {
      if (d.events().stream().anyMatch(e -> id.equals(e.id()))) {
        best = Math.max(best, d.riskScore());
      }
    }
    if (best >= 0) {
      return best;
    }
    Object severity = result.stored().isEmpty() ? null : result.stored().get(0).get("severity");
    return baseline(severity);
  }

  private static int baseline(Object severity) {
    if (severity == null) {
      return 10;
    }
    return switch (severity.toString().toLowerCase(Locale.ROOT)) {
      case "critical" -> 90;
      case "high" -> 70;
      case "medium" -> 40;
      case "low" -> 20;
      default -> 10;
    };
  }
}
