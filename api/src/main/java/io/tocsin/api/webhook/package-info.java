/**
 * Webhooks: tenants register receivers ({@code /api/v1/webhooks}) and every matching alert change
 * is delivered to them, signed, through a durable outbox ({@link io.tocsin.api.webhook.delivery}).
 * The payload shape per receiver type lives in {@link io.tocsin.api.webhook.format}, the guard
 * against server-side request forgery in {@link io.tocsin.api.webhook.ssrf}.
 */
package io.tocsin.api.webhook;
