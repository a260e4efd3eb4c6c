package io.tocsin.api.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert change to deliver to one webhook, with its attempts.
 *
 * @param id derived from webhook, alert, version and event ({@link #idOf}); also the {@code
 *     webhook-id} header, so it is the same on every retry
 * @param alert the alert's API view at that version, as JSON
 * @param body the rendered body once first rendered; retries send exactly these bytes
 * @param state {@code pending}, {@code delivered} or {@code dead}
 * @param attempts attempts so far (all rounds)
 * @param roundAttempts attempts since creation or the last re-drive (the retry budget)
 * @param dueAt when it may next be claimed: the next attempt, or the end of a sender's lease
 * @param claim the current sender's claim token, null when unclaimed
 * @param log every attempt, oldest first
 */
@Document(Delivery.COLLECTION)
@CompoundIndex(name = "state_due", def = "{'state': 1, 'dueAt': 1}")
@CompoundIndex(name = "webhook_created", def = "{'tenantId': 1, 'webhookId': 1, 'createdAt': -1}")
@CompoundIndex(name = "alert_version", def = "{'alertId': 1, 'alertVersion': 1}")
public record Delivery(
    @Id String id,
    String tenantId,
    String webhookId,
    String alertId,
    long alertVersion,
    String event,
    String alert,
    String body,
    String state,
    int attempts,
    int roundAttempts,
    Instant dueAt,
    String claim,
    Instant createdAt,
    Instant updatedAt,
    Integer lastStatusCode,
    String lastError,
    List<DeliveryAttempt> log) {

  public static final String COLLECTION = "webhook_deliveries";
  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String DEAD = "dead";

  /** The delivery id of one change for one webhook: stable, so enqueueing is idempotent. */
  public static String idOf(String webhookId, String alertId, long version, String event) {
    String seed = webhookId + "|" + alertId + "|" + version + "|" + event;
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return "dlv_" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
