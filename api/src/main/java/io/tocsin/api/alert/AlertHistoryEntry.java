package io.tocsin.api.alert;

import java.time.Instant;

/**
 * One audited change of an alert.
 *
 * @param at when
 * @param userId who (user id), null for the system (detections, agents)
 * @param username who (user name), {@code system} or the agent key's name otherwise
 * @param action what: {@code created}, {@code status}, {@code assignee}, {@code note}, {@code
 *     tags}, {@code severity}, {@code detection_update}, {@code action_requested}, {@code
 *     action_state}, {@code case} (attached to a case)
 * @param from previous value, when the change has one
 * @param to new value
 */
public record AlertHistoryEntry(
    Instant at, String userId, String username, String action, String from, String to) {}
