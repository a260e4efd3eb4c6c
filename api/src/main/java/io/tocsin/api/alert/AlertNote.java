package io.tocsin.api.alert;

import java.time.Instant;

/**
 * A note appended to an alert.
 *
 * @param text the note
 * @param userId author's user id
 * @param username author's user name
 * @param at when it was added
 */
public record AlertNote(String text, String userId, String username, Instant at) {}
