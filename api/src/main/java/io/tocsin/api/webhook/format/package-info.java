/**
 * Payload formats: what a delivery's body looks like for each kind of receiver ({@code generic},
 * {@code slack}, {@code jira}, {@code servicenow}, {@code pagerduty}), and the small, safe JSON
 * template language a {@code generic} webhook may use instead of the standard payload.
 */
package io.tocsin.api.webhook.format;
