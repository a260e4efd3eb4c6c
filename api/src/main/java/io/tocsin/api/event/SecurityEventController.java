package io.tocsin.api.event;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.engine.Detection;
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
@Tag(name = "Security events", description = "CyberPulse security events: ingest and list")
class SecurityEventController {

  /**
   * The answer of {@code POST /security/events}.
   *
   * @param eventId the stored event's id (derived from its content when it has none)
   * @param riskScore 0–100: the highest risk of its detections, else the severity baseline
   * @param processed always true: the event was evaluated before the answer
   * @param duplicate whether the tenant already had it (a retry)
   * @param detections detections it triggered
   */
  record SecurityEventReceipt(
      String eventId, int riskScore, boolean processed, boolean duplicate, int detections) {}

  private final IngestService ingest;

  SecurityEventController(IngestService ingest) {
    this.ingest = ingest;
  }

  @PostMapping("/api/v1/security/events")
  @PreAuthorize(Authz.INGEST)
  @Operation(summary = "Ingest one CyberPulse security event")
  SecurityEventReceipt ingestSecurityEvent(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(schema = @Schema(implementation = EventInputs.SecurityEventInput.class)))
          @RequestBody
          Object body) {
    if (!(body instanceof Map<?, ?>)) {
      throw ApiException.badRequest("body: expected one security event object");
    }
    IngestResult result =
        ingest.ingest(principal.tenantId(), principal.agentHostId(), List.of(body));
    if (result.accepted().isEmpty()) {
      throw ApiException.badRequest(result.rejected().get(0).reason());
    }
    String id = result.accepted().get(0);
    return new SecurityEventReceipt(
        id, riskScore(result, id), true, result.duplicates() > 0, result.detections().size());
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
