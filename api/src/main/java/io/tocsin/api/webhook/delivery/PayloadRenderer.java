package io.tocsin.api.webhook.delivery;

import io.tocsin.api.webhook.Webhook;
import io.tocsin.api.webhook.format.FormatContext;
import io.tocsin.api.webhook.format.PayloadFormats;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an alert or case change into the bytes a webhook receives, in the webhook's format. Both
 * are serialized with the application's JSON mapper, so payloads show exactly what the API shows.
 */
@Component
public class PayloadRenderer {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JsonMapper json;
  private final String publicUrl;

  PayloadRenderer(
      JsonMapper json, @Value("${tocsin.public-url:http://localhost:8080}") String url) {
    this.json = json;
    this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The alert view as stored in a delivery. */
  public String snapshot(Map<String, Object> alert) {
    return json.writeValueAsString(alert);
  }

  /** The body for {@code webhook}; throws {@code TemplateException} for a broken template. */
  public String render(Webhook webhook, String event, String alertJson, Instant timestamp) {
    Map<String, Object> alert = json.readValue(alertJson, MAP);
    FormatContext ctx =
        new FormatContext(
            event,
            alert,
            timestamp,
            webhook.name(),
            webhook.parameters() == null ? Map.of() : webhook.parameters(),
            webhook.template(),
            FormatContext.isCase(event)
                ? caseLink(String.valueOf(alert.get("id")))
                : link(String.valueOf(alert.get("id"))));
    return json.writeValueAsString(PayloadFormats.body(webhook.format(), ctx));
  }

  /** Where a person opens the case of a {@code case.*} event. */
  public String caseLink(String caseId) {
    return publicUrl + "/api/v1/projects/" + caseId;
  }

  /** Where a person opens the alert ({@code TOCSIN_PUBLIC_URL}). */
  public String link(String alertId) {
    return publicUrl + "/api/v1/alerts/" + alertId;
  }
}
