package io.tocsin.api.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.web.PageInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Responses of {@code /webhooks}; a webhook is shown without its secret. */
final class WebhookViews {

  private WebhookViews() {}

  /**
   * A webhook as the API shows it.
   *
   * @param id id
   * @param name unique in the tenant; what {@code notify_channels} refers to
   * @param url receiver
   * @param events change types delivered
   * @param enabled whether deliveries are made
   * @param format payload format
   * @param minSeverity lowest severity delivered; absent for all
   * @param policies policy ids delivered, empty for all
   * @param tags alert tags of which one must be present, empty for all
   * @param template JSON template of the {@code generic} format; absent for the standard payload
   * @param parameters format settings (Jira project key, PagerDuty routing key, ...)
   * @param secretSet whether a signing secret is stored (it is never shown again)
   * @param createdAt creation time
   * @param updatedAt last change
   * @param createdBy username of the creator
   */
  record WebhookView(
      String id,
      String name,
      String url,
      List<String> events,
      boolean enabled,
      String format,
      String minSeverity,
      List<String> policies,
      List<String> tags,
      String template,
      Map<String, String> parameters,
      boolean secretSet,
      Instant createdAt,
      Instant updatedAt,
      String createdBy) {

    static WebhookView of(Webhook w) {
      return new WebhookView(
          w.id(),
          w.name(),
          w.url(),
          w.events(),
          w.enabled(),
          w.format(),
          w.minSeverity(),
          w.policies(),
          w.tags(),
          w.template(),
          w.parameters(),
          w.secret() != null,
          w.createdAt(),
          w.updatedAt(),
          w.createdBy());
    }
  }

  /**
   * Response of {@code POST /webhooks}.
   *
   * @param webhook the webhook
   * @param secret the signing secret generated for it, shown this once; absent when one was sent
   */
  record CreatedWebhook(@JsonUnwrapped WebhookView webhook, String secret) {}

  /**
   * Response of {@code GET /webhooks}.
   *
   * @param webhooks the webhooks of this page
   * @param page paging fields
   */
  record WebhookPage(List<WebhookView> webhooks, @JsonUnwrapped PageInfo page) {}

  /**
   * Response of {@code POST /webhooks/{id}/test}: what the receiver answered to a sample alert.
   *
   * @param webhookId id of this test delivery (its {@code webhook-id} header), not the webhook's
   * @param event the change type sent
   * @param delivered whether the receiver accepted it
   * @param statusCode receiver's HTTP status; absent when none came back
   * @param latencyMs time until the response or the failure; absent when nothing was sent
   * @param error what went wrong; absent on success
   */
  record WebhookTestResult(
      @Schema(description = "Id of this test delivery (its webhook-id header), not the webhook's")
          String webhookId,
      String event,
      boolean delivered,
      Integer statusCode,
      Long latencyMs,
      String error) {}
}
