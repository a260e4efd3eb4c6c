package io.tocsin.api.alert;

import java.time.Instant;
import java.util.Map;

/**
 * A response action recorded on an alert; its state mirrors the agent command's.
 *
 * @param id action id, equal to the command id
 * @param type e.g. {@code isolate_host}
 * @param state {@code pending}, {@code sent}, {@code succeeded}, {@code failed} or {@code dry_run}
 * @param hostId host whose agent runs it
 * @param parameters parameters sent to the agent
 * @param automatic true when a policy rule queued it
 * @param requestedBy user id, or null for automatic actions
 * @param requestedByName user name, or {@code policy} for automatic actions
 * @param requestedAt when it was queued
 * @param updatedAt last state change
 * @param message the agent's result message
 * @param details the agent's result details
 */
public record AlertAction(
    String id,
    String type,
    String state,
    String hostId,
    Map<String, Object> parameters,
    boolean automatic,
    String requestedBy,
    String requestedByName,
    Instant requestedAt,
    Instant updatedAt,
    String message,
    Map<String, Object> details) {

  AlertAction withState(String newState, Instant at, String newMessage, Map<String, Object> det) {
    return new AlertAction(
        id,
        type,
        newState,
        hostId,
        parameters,
        automatic,
        requestedBy,
        requestedByName,
        requestedAt,
        at,
        newMessage == null ? message : newMessage,
        det == null ? details : det);
  }
}
