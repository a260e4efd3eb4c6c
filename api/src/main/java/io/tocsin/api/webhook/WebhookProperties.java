package io.tocsin.api.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code tocsin.webhook.*}; env {@code TOCSIN_WEBHOOK_KEY}, {@code
 * TOCSIN_WEBHOOK_ALLOW_PRIVATE}, {@code TOCSIN_WEBHOOK_RETRY_BASE}, ...).
 *
 * @param key base64 of 32 bytes: the AES-GCM key that encrypts secrets at rest; generated and kept
 *     in the database when blank
 * @param allowPrivate whether receivers on loopback, private and link-local addresses are allowed
 * @param retry retry budget
 * @param connectTimeout connect timeout of one attempt
 * @param readTimeout time to wait for the receiver's response
 * @param concurrency deliveries in flight at once per server
 * @param pollInterval how often the dispatcher looks for due deliveries
 * @param lease how long a claimed delivery is reserved for its sender (then another may take it)
 * @param sweep the sweeper that enqueues deliveries a crash left out
 */
@ConfigurationProperties("tocsin.webhook")
public record WebhookProperties(
    String key,
    @DefaultValue("false") boolean allowPrivate,
    @DefaultValue Retry retry,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("4") int concurrency,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("2m") Duration lease,
    @DefaultValue Sweep sweep) {

  /**
   * Retries.
   *
   * @param base delay before the second attempt; doubles each time
   * @param cap longest delay between two attempts (also caps {@code Retry-After})
   * @param maxAttempts attempts before a delivery is dead-lettered
   */
  public record Retry(
      @DefaultValue("5s") Duration base,
      @DefaultValue("15m") Duration cap,
      @DefaultValue("10") int maxAttempts) {}

  /**
   * The outbox sweeper.
   *
   * @param period how often it runs
   * @param grace alerts changed more recently than this are left to the listener
   * @param lookback how far back the first sweep after a start looks
   */
  public record Sweep(
      @DefaultValue("30s") Duration period,
      @DefaultValue("10s") Duration grace,
      @DefaultValue("6h") Duration lookback) {}
}
