/**
 * Alerts: what detections become and what analysts triage. {@link io.tocsin.api.alert.AlertService}
 * records the engine's detections idempotently (one alert per detection id), every write bumps the
 * alert's {@code version} under optimistic locking and is announced to every {@link
 * io.tocsin.api.alert.AlertChangeListener}. Response actions on an alert are queued as agent
 * commands ({@code io.tocsin.api.command}) and their state is mirrored on the alert.
 */
package io.tocsin.api.alert;
