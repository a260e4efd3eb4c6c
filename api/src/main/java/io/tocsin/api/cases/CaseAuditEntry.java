package io.tocsin.api.cases;

import java.time.Instant;

/**
 * One entry of a case's append-only audit trail.
 *
 * @param at when
 * @param userId who (user id)
 * @param username who (user name)
 * @param action what: {@code created}, a field name ({@code status}, {@code assignee}, ...), {@code
 *     alerts_attached}, {@code comment}, {@code task_created} or {@code task.<field>}
 * @param target the task id for task changes, null for the case itself
 * @param from previous value, when there is one
 * @param to new value
 */
record CaseAuditEntry(
    Instant at,
    String userId,
    String username,
    String action,
    String target,
    String from,
    String to) {}
