package io.tocsin.api.cases;

import java.time.Instant;

/**
 * An analyst's comment on a case.
 *
 * @param id comment id
 * @param text the comment
 * @param userId author id
 * @param username author name
 * @param at when
 */
record CaseComment(String id, String text, String userId, String username, Instant at) {}
