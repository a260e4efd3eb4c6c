package io.tocsin.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored webhook. {@code secret} is the AES-GCM ciphertext ({@link SecretCipher}), never the
 * secret itself.
 *
 * @param name unique per tenant; what a policy rule's {@code notify_channels} refers to
 * @param events alert change types delivered
 * @param format payload format ({@code generic}, {@code slack}, ...)
 * @param minSeverity lowest severity delivered, null for all
 * @param policies policy ids delivered, empty for all
 * @param tags alert tags of which one must be present, empty for all
 * @param template a JSON template for {@code generic}, null for the standard payload
 * @param parameters format settings (Jira project key, PagerDuty routing key, ...)
 */
@Document(Webhook.COLLECTION)
@CompoundIndex(name = "tenant_name", def = "{'tenantId': 1, 'name': 1}", unique = true)
@CompoundIndex(name = "tenant_enabled", def = "{'tenantId': 1, 'enabled': 1}")
public record Webhook(
    @Id String id,
    String tenantId,
    String name,
    String url,
    List<String> events,
    String secret,
    boolean enabled,
    String format,
    String minSeverity,
    List<String> policies,
    List<String> tags,
    String template,
    Map<String, String> parameters,
    Instant createdAt,
    Instant updatedAt,
    String createdBy) {

  public static final String COLLECTION = "webhooks";
}
