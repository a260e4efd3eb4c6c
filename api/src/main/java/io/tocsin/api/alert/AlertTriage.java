package io.tocsin.api.alert;

import io.tocsin.api.command.ActionType;
import io.tocsin.api.command.CommandService;
import io.tocsin.api.command.CommandStateChanged;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.user.User;
import io.tocsin.engine.policy.Severity;
import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** What analysts do to alerts: create by hand, update (audited), run response actions. */
@Service
class AlertTriage {

  static final List<String> STATUSES = List.of(Alert.OPEN, Alert.ACKNOWLEDGED, Alert.CLOSED);
  static final List<String> CLOSE_REASONS =
      List.of("true_positive", "false_positive", "benign", "duplicate", "other");
  private static final int MAX_HISTORY = 1000;
  private static final int MAX_NOTES = 200;
  private static final int MAX_ACTIONS = 100;
  private static final int MAX_PARAMETERS_CHARS = 8192;

  private final AlertWriter writer;
  private final CommandService commands;
  private final EventStore events;
  private final Assignees assignees;
  private final Clock clock;

  AlertTriage(
      AlertWriter writer,
      CommandService commands,
      EventStore events,
      Assignees assignees,
      Clock clock) {
    this.writer = writer;
    this.commands = commands;
    this.events = events;
    this.assignees = assignees;
    this.clock = clock;
  }

  Alert create(CurrentPrincipal who, AlertRequests.Create body) {
    AlertValidation.create(body);
    Instant now = now();
    Alert a = new Alert();
    a.id = "alr_" + UUID.randomUUID().toString().replace("-", "");
    a.tenantId = who.tenantId();
    a.source = "manual";
    a.createdBy = who.userId();
    a.title = body.title().trim();
    a.description = body.description();
    Severity severity = Severity.parse(body.severity()).orElse(Severity.MEDIUM);
    a.severity = severity.wireName();
    a.riskScore = severity.riskScore();
    a.status = Alert.OPEN;
    a.createdAt = now;
    a.updatedAt = now;
    a.hostId = body.hostId();
    a.tags = body.tags() == null ? new ArrayList<>() : new ArrayList<>(body.tags());
    List<String> ids = body.events() == null ? List.of() : body.events();
    List<Event> found = ids.isEmpty() ? List.of() : events.findByIds(who.tenantId(), ids);
    AlertEvents.merge(a, found.stream().sorted(byTime()).toList());
    ids.stream().filter(id -> !a.eventIds.contains(id)).forEach(a.eventIds::add);
    a.count = Math.max(1, a.eventIds.size());
    a.firstSeen =
        found.stream()
            .map(Event::timestamp)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(now);
    a.lastSeen =
        found.stream()
            .map(Event::timestamp)
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(now);
    if (a.hostId == null) {
      a.hostId = AlertEvents.hostOf(Map.of(), found);
    }
    a.history.add(
        new AlertHistoryEntry(now, who.userId(), who.username(), "created", null, Alert.OPEN));
    writer.create(a);
    return a;
  }

  private static Comparator<Event> byTime() {
    return Comparator.comparing(Event::timestamp, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  Alert update(CurrentPrincipal who, String id, AlertRequests.Update body) {
    AlertValidation.update(body);
    Optional<User> assignee = Optional.empty();
    boolean unassign = body.assignee() != null && body.assignee().isBlank();
    if (body.assignee() != null && !unassign) {
      assignee = assignees.resolve(who.tenantId(), body.assignee());
      if (assignee.isEmpty()) {
        throw ApiException.badRequest(
            "assignee must be a user of this tenant",
            Map.of(
                "field", "assignee", "reason", "no user [" + body.assignee() + "] in this tenant"));
      }
    }
    Optional<User> newAssignee = assignee;
    return writer
        .mutate(
            who.tenantId(), id, (a, now) -> applyUpdate(a, who, body, newAssignee, unassign, now))
        .orElseThrow(() -> ApiException.notFound("Alert"));
  }

  private static String applyUpdate(
      Alert a,
      CurrentPrincipal who,
      AlertRequests.Update body,
      Optional<User> assignee,
      boolean unassign,
      Instant now) {
    List<AlertHistoryEntry> h = new ArrayList<>();
    boolean closing = false;
    if (body.status() != null && !body.status().equals(a.status)) {
      h.add(entry(now, who, "status", a.status, body.status()));
      closing = Alert.CLOSED.equals(body.status());
      a.status = body.status();
      if (closing) {
        a.closeReason = body.closeReason();
        a.closedAt = now;
        h.add(entry(now, who, "close_reason", null, body.closeReason()));
      } else {
        a.closeReason = null;
        a.closedAt = null;
      }
    } else if (body.closeReason() != null
        && a.isClosed()
        && !body.closeReason().equals(a.closeReason)) {
      h.add(entry(now, who, "close_reason", a.closeReason, body.closeReason()));
      a.closeReason = body.closeReason();
    }
    if (assignee.isPresent() && !assignee.get().getId().equals(a.assigneeId)) {
      User u = assignee.get();
      h.add(entry(now, who, "assignee", a.assigneeName, u.getUsername()));
      a.assigneeId = u.getId();
      a.assigneeName = u.getUsername();
      a.assigneeEmail = u.getEmail();
    } else if (unassign && a.assigneeId != null) {
      h.add(entry(now, who, "assignee", a.assigneeName, null));
      a.assigneeId = null;
      a.assigneeName = null;
      a.assigneeEmail = null;
    }
    if (body.severity() != null && !body.severity().equals(a.severity)) {
      h.add(entry(now, who, "severity", a.severity, body.severity()));
      a.severity = body.severity();
    }
    if (body.tags() != null && !body.tags().equals(a.tags)) {
      h.add(entry(now, who, "tags", String.join(",", a.tags), String.join(",", body.tags())));
      a.tags = new ArrayList<>(body.tags());
    }
    if (body.notes() != null && !body.notes().isBlank()) {
      if (a.notes.size() >= MAX_NOTES) {
        throw ApiException.badRequest(
            "alert already has " + MAX_NOTES + " notes",
            Map.of("field", "notes", "reason", "too many notes on this alert"));
      }
      a.notes.add(new AlertNote(body.notes(), who.userId(), who.username(), now));
      h.add(entry(now, who, "note", null, abbreviate(body.notes())));
    }
    if (h.isEmpty()) {
      return null;
    }
    a.history.addAll(h);
    boundHistory(a);
    return closing ? AlertChange.CLOSED : AlertChange.UPDATED;
  }

  Map<String, Object> requestAction(CurrentPrincipal who, String id, AlertRequests.Action body) {
    ActionType type =
        ActionType.parse(body == null ? null : body.action())
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
                      entry(now, who, "action_requested", null, type.wireName() + " " + commandId));
                  boundHistory(a);
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
    return AlertViews.action(queued[0]);
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
                || isFinal(action.state())
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
            boundHistory(a);
            return e.isFinal() ? AlertChange.ACTION_COMPLETED : AlertChange.UPDATED;
          }
          return null;
        });
  }

  private static boolean isFinal(String state) {
    return "succeeded".equals(state) || "failed".equals(state) || "dry_run".equals(state);
  }

  private static AlertHistoryEntry entry(
      Instant now, CurrentPrincipal who, String action, String from, String to) {
    return new AlertHistoryEntry(now, who.userId(), who.username(), action, from, to);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }

  /** Keeps the first entry (creation) and the most recent ones. */
  static void boundHistory(Alert a) {
    while (a.history.size() > MAX_HISTORY) {
      a.history.remove(1);
    }
  }

  /**
   * Now, at the store's precision (milliseconds), so what listeners see equals what is read back.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
