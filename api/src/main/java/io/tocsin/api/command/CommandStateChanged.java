package io.tocsin.api.command;

import java.time.Instant;
import java.util.Map;

/**
 * Published (synchronously, as a Spring application event) whenever a command moves to {@code sent}
 * or to a final state.
 *
 * @param tenantId tenant
 * @param commandId command id (also the id of the action on the alert)
 * @param alertId alert the command belongs to, or null
 * @param status {@code sent}, {@code succeeded}, {@code failed}, {@code dry_run} or {@code expired}
 * @param message the agent's message, for final states
 * @param details the agent's details, for final states
 * @param actor who moved it (the agent key's name)
 * @param at when
 */
public record CommandStateChanged(
    String tenantId,
    String commandId,
    String alertId,
    String status,
    String message,
    Map<String, Object> details,
    String actor,
    Instant at) {

  /**
   * An agent reported the outcome ({@code expired} is not an outcome: a late result may follow).
   */
  public boolean isFinal() {
    return Command.isFinal(status);
  }
}
