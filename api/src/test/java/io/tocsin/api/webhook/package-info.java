/**
 * Webhook tests: unit tests of the guard, formats and backoff, and end-to-end tests over real HTTP
 * with a real receiver ({@link io.tocsin.api.webhook.Receiver}) on one shared server ({@link
 * io.tocsin.api.webhook.WebhookTestBase}).
 */
package io.tocsin.api.webhook;
