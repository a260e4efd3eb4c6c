package io.tocsin.api.alert;

import io.tocsin.api.command.ActionType;
import io.tocsin.api.command.Command;
import io.tocsin.api.command.CommandService;
import io.tocsin.api.command.CommandStateChanged;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Response actions on alerts: an analyst's request queues an agent command and records it in the
 * alert's {@code actions[]}; every state the command reaches ({@link CommandStateChanged}) is
 * mirrored onto that action.
 */
@Service
class AlertResponses {

  private static final int MAX_ACTIONS = 100;
  private static final int MAX_PARAMETERS_CHARS = 8192;

  private final AlertWriter writer;
  private final CommandService commands;

  AlertResponses(AlertWriter writer, CommandService commands) {
    this.writer = writer;
    this.commands = commands;
  }

  AlertBodies.AlertActionView requestAction(
      CurrentPrincipal who, String id, AlertRequests.Action body) {
    ActionType type =
        ActionType.parse(body == null ? null : body.action())
            .filter(ActionType::isResponseAction)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "action must be one of isolate_host, release_host, kill_process,"
                            + " quarantine, restore, block",
                        Map.of("field", "action", "reason", "unknown action")));
    if (body.parameters() != null && body.parameters().toString().length() > MAX_PARAMETERS_CHARS) {
      throw ApiException.badRequest(
          "parameters are too large (at most " + MAX_PARAMETERS_CHARS + " characters)",
          Map.of("field", "parameters", "reason", "too large"));
    }
    String commandId = CommandService.newId();
    AlertAction[] queued = new AlertAction[1];
    Alert alert =
        writer
            .mutate(
                who.tenantId(),
                id,
                (a, now) -> {
                  if (a.actions.size() >= MAX_ACTIONS) {
                    throw ApiException.badRequest(
                        "alert already has " + MAX_ACTIONS + " actions",
                        Map.of("field", "action", "reason", "too many actions on this alert"));
                  }
                  if (a.hostId == null) {
                    throw ApiException.badRequest(
                        "alert has no host_id: there is no agent to run the action on");
                  }
                  Map<String, Object> p = ActionParameters.of(type, a, body.parameters());
                  String missing = ActionParameters.missing(type, p);
                  if (missing != null) {
                    throw ApiException.badRequest(
                        missing + " is required for " + type.wireName(),
                        Map.of("field", missing, "reason", "required"));
                  }
                  queued[0] =
                      new AlertAction(
                          commandId,
                          type.wireName(),
                          "pending",
                          a.hostId,
                          p,
                          false,
                          who.userId(),
                          who.username(),
                          now,
                          now,
                          null,
                          Map.of());
                  a.actions.add(queued[0]);
                  a.history.add(
                      AlertTriage.entry(
                          now, who, "action_requested", null, type.wireName() + " " + commandId));
                  AlertTriage.boundHistory(a);
                  return AlertChange.UPDATED;
                })
            .orElseThrow(() -> ApiException.notFound("Alert"));
    commands.queue(
        new CommandService.NewCommand(
            commandId,
            who.tenantId(),
            alert.hostId,
            alert.id,
            type,
            queued[0].parameters(),
            false,
            who.userId(),
            who.username()));
    return AlertBodies.AlertActionView.of(queued[0]);
  }

  /** Mirrors a command's state onto the alert action with the same id. */
  @EventListener
  void onCommandState(CommandStateChanged e) {
    if (e.alertId() == null) {
      return;
    }
    writer.mutate(
        e.tenantId(),
        e.alertId(),
        (a, now) -> {
          for (int i = 0; i < a.actions.size(); i++) {
            AlertAction action = a.actions.get(i);
            if (!action.id().equals(e.commandId())
                || Command.isFinal(action.state())
                || action.state().equals(e.status())) {
              continue;
            }
            a.actions.set(i, action.withState(e.status(), e.at(), e.message(), e.details()));
            a.history.add(
                new AlertHistoryEntry(
                    now,
                    null,
                    e.actor(),
                    "action_state",
                    action.type() + " " + action.state(),
                    action.type() + " " + e.status()));
            AlertTriage.boundHistory(a);
            return e.isFinal() ? AlertChange.ACTION_COMPLETED : AlertChange.UPDATED;
          }
          return null;
        });
  }
}
