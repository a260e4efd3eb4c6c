package io.tocsin.api.webhook;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST} and {@code PUT /api/v1/webhooks}. On {@code PUT}, a field left out keeps its
 * value (send {@code "secret"} to rotate it).
 *
 * @param name unique in the tenant; what {@code notify_channels} refers to; derived from the url
 *     host and the first event when left out on create ({@link WebhookNames})
 * @param url http(s) receiver
 * @param events change types; default {@code alert.created}
 * @param secret HMAC key; generated (and shown once) when left out on create
 * @param enabled default true
 * @param format {@code generic} (default), {@code slack}, {@code jira}, {@code servicenow}, {@code
 *     pagerduty}
 * @param minSeverity lowest severity delivered
 * @param policies policy ids delivered (empty: all)
 * @param tags alert tags of which one must be present (empty: all)
 * @param template JSON template for {@code generic}
 * @param parameters format settings
 */
record WebhookRequest(
    String name,
    String url,
    List<String> events,
    String secret,
    Boolean enabled,
    String format,
    String minSeverity,
    List<String> policies,
    List<String> tags,
    String template,
    Map<String, String> parameters) {}
