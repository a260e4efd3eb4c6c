package io.tocsin.api.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.web.PageInfo;
import java.time.Instant;
import java.util.List;

/** Deliveries as {@code /webhooks/{id}/deliveries} shows them. */
public final class DeliveryViews {

  private DeliveryViews() {}

  /**
   * One change delivered (or being delivered) to one webhook.
   *
   * @param id delivery id, also the {@code webhook-id} header of every attempt
   * @param webhookId the webhook
   * @param event change type, e.g. {@code alert.created} or {@code case.updated}
   * @param alertId the alert, or the case for {@code case.*} events
   * @param caseId the case, for {@code case.*} events only
   * @param alertVersion version of the alert or case delivered
   * @param state {@code pending}, {@code delivered} or {@code dead}
   * @param attempts attempts so far, across re-drives
   * @param nextAttemptAt when the next attempt is due; only while pending and not in flight
   * @param inFlight whether a sender holds it right now
   * @param lastStatusCode receiver's last HTTP status
   * @param lastError last failure
   * @param createdAt when it was queued
   * @param updatedAt last change
   * @param attemptLog every attempt, oldest first
   */
  public record DeliveryView(
      String id,
      String webhookId,
      String event,
      String alertId,
      String caseId,
      long alertVersion,
      String state,
      int attempts,
      Instant nextAttemptAt,
      boolean inFlight,
      Integer lastStatusCode,
      String lastError,
      Instant createdAt,
      Instant updatedAt,
      List<DeliveryAttempt> attemptLog) {

    static DeliveryView of(Delivery d) {
      boolean caseEvent = d.event() != null && d.event().startsWith("case.");
      return new DeliveryView(
          d.id(),
          d.webhookId(),
          d.event(),
          d.alertId(),
          caseEvent ? d.alertId() : null, // case deliveries keep the case id where alerts do theirs
          d.alertVersion(),
          d.state(),
          d.attempts(),
          Delivery.PENDING.equals(d.state()) && d.claim() == null ? d.dueAt() : null,
          d.claim() != null,
          d.lastStatusCode(),
          d.lastError(),
          d.createdAt(),
          d.updatedAt(),
          d.log() == null ? List.of() : d.log());
    }
  }

  /**
   * Response of {@code GET /webhooks/{id}/deliveries}: newest first.
   *
   * @param deliveries the deliveries of this page
   * @param page paging fields
   */
  public record DeliveryPage(List<DeliveryView> deliveries, @JsonUnwrapped PageInfo page) {}
}
