/**
 * The durable outbox. Every (webhook, alert version) pair becomes one {@link
 * io.tocsin.api.webhook.delivery.Delivery} whose id is derived from that pair, so enqueueing is
 * idempotent without transactions: the alert listener enqueues right after each write, and {@link
 * io.tocsin.api.webhook.delivery.OutboxSweeper} re-scans recently changed alerts and enqueues what
 * a crash between the two left out. {@link io.tocsin.api.webhook.delivery.DeliveryDispatcher}
 * claims due deliveries under a lease (several servers never send one attempt twice, a crashed
 * server's lease simply expires), sends them signed, and retries or dead-letters them.
 */
package io.tocsin.api.webhook.delivery;
