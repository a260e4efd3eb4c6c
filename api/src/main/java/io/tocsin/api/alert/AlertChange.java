package io.tocsin.api.alert;

import java.util.Map;

/**
 * One successful alert write, as told to {@link AlertChangeListener}s.
 *
 * @param tenantId tenant of the alert
 * @param type {@code alert.created}, {@code alert.updated}, {@code alert.closed} or {@code
 *     action.completed}
 * @param alertId id of the alert
 * @param version the alert's version after this write (+1 on every change)
 * @param alert the alert as the API shows it
 */
public record AlertChange(
    String tenantId, String type, String alertId, long version, Map<String, Object> alert) {

  public static final String CREATED = "alert.created";
  public static final String UPDATED = "alert.updated";
  public static final String CLOSED = "alert.closed";
  public static final String ACTION_COMPLETED = "action.completed";
}
