package io.tocsin.api.alert;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.inventory.HostDirectory;
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
import org.springframework.stereotype.Service;

/** What analysts do to alerts: create by hand and update, every change audited. */
@Service
class AlertTriage {

  static final List<String> STATUSES = List.of(Alert.OPEN, Alert.ACKNOWLEDGED, Alert.CLOSED);
  static final List<String> CLOSE_REASONS =
      List.of("true_positive", "false_positive", "benign", "duplicate", "other");
  private static final int MAX_HISTORY = 1000;
  private static final int MAX_NOTES = 200;

  private final AlertWriter writer;
  private final EventStore events;
  private final Assignees assignees;
  private final HostDirectory devices;
  private final Clock clock;

  AlertTriage(
      AlertWriter writer,
      EventStore events,
      Assignees assignees,
      HostDirectory devices,
      Clock clock) {
    this.writer = writer;
    this.events = events;
    this.assignees = assignees;
    this.devices = devices;
    this.clock = clock;
  }

  Alert create(CurrentPrincipal who, AlertRequests.Create body) {
    return create(who, body, "manual", Map.of());
  }

  /** {@code source}: who raised it; {@code groupKey}: the values the alert is about. */
  Alert create(
      CurrentPrincipal who,
      AlertRequests.Create body,
      String source,
      Map<String, Object> groupKey) {
    AlertValidation.create(body);
    Instant now = now();
    Alert a = new Alert();
    a.id = "alr_" + UUID.randomUUID().toString().replace("-", "");
    a.tenantId = who.tenantId();
    a.source = source;
    a.groupKey = new java.util.LinkedHashMap<>(groupKey);
    a.createdBy = who.userId();
    a.title = body.title().trim();
    a.description = body.description();
    Severity severity = Severity.parse(body.severity()).orElse(Severity.MEDIUM);
    a.severity = severity.wireName();
    a.riskScore = severity.riskScore();
    a.status = Alert.OPEN;
    a.createdAt = now;
    a.updatedAt = now;
    a.hostId = hostOf(who, body);
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

  /** {@code host_id}, or the OpenFrame {@code device_id}, which must be a known device. */
  private String hostOf(CurrentPrincipal who, AlertRequests.Create body) {
    if (body.deviceId() == null) {
      return body.hostId();
    }
    if (body.hostId() != null && !body.hostId().equals(body.deviceId())) {
      throw AlertValidation.invalid("device_id", "differs from host_id; send one of them");
    }
    if (!devices.exists(who.tenantId(), body.deviceId())) {
      throw AlertValidation.invalid(
          "device_id", "unknown device [" + body.deviceId() + "]: not a host of this tenant");
    }
    return body.deviceId();
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
    String severity = AlertValidation.severityName(body.severity());
    if (severity != null && !severity.equals(a.severity)) {
      h.add(entry(now, who, "severity", a.severity, severity));
      a.severity = severity;
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

  static AlertHistoryEntry entry(
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
