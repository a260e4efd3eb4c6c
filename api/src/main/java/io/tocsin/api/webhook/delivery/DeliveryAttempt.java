package io.tocsin.api.webhook.delivery;

import java.time.Instant;

/**
 * One attempt to deliver, as shown by {@code GET /webhooks/{id}/deliveries}.
 *
 * @param attempt 1-based number across the delivery's life (re-drives continue the count)
 * @param at when the request started
 * @param statusCode receiver's HTTP status, null when none came back
 * @param latencyMs time until the response (or the failure)
 * @param error what went wrong, null on success
 * @param outcome {@code delivered}, {@code retry} or {@code dead}
 * @param nextAttemptAt when the next attempt is due, null unless {@code retry}
 */
public record DeliveryAttempt(
    int attempt,
    Instant at,
    Integer statusCode,
    long latencyMs,
    String error,
    String outcome,
    Instant nextAttemptAt) {}
