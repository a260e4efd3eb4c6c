package io.tocsin.api.alert;

import io.tocsin.api.command.ActionType;
import io.tocsin.api.command.CommandService;
import io.tocsin.api.detection.DetectionSink;
import io.tocsin.engine.Detection;
import io.tocsin.engine.policy.Action;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Records the engine's detections as alerts. Idempotent by detection id: the alert id is derived
 * from (tenant, detection id), so a re-recorded NEW detection hits the primary key and changes
 * nothing, on any number of threads or workers. An UPDATE raises {@code count}/{@code last_seen}
 * and appends events through the optimistic {@link AlertWriter}. Rules whose action is {@code
 * isolate_host}, {@code kill_process}, {@code quarantine} or {@code block} get their command queued
 * when the alert is created.
 */
@Service
public class AlertService implements DetectionSink {

  private final AlertWriter writer;
  private final AlertStore store;
  private final CommandService commands;
  private final Clock clock;

  AlertService(AlertWriter writer, AlertStore store, CommandService commands, Clock clock) {
    this.writer = writer;
    this.store = store;
    this.commands = commands;
    this.clock = clock;
  }

  /**
   * The tenant's alert as the API shows it (the same map {@link AlertChange#alert()} carries), for
   * integrations that re-read an alert, e.g. a webhook sweeper.
   */
  public Optional<Map<String, Object>> view(String tenantId, String alertId) {
    return store.find(tenantId, alertId).map(AlertViews::view);
  }

  @Override
  public void record(String tenantId, List<Detection> detections) {
    for (Detection detection : detections) {
      recordOne(tenantId, detection);
    }
  }

  /** The alert id of a detection: stable, so recording is idempotent. */
  static String alertId(String tenantId, String detectionId) {
    byte[] seed = (tenantId + "|" + detectionId).getBytes(StandardCharsets.UTF_8);
    return "alr_" + UUID.nameUUIDFromBytes(seed).toString().replace("-", "");
  }

  private void recordOne(String tenantId, Detection d) {
    String id = alertId(tenantId, d.id());
    if (d.kind() == Detection.Kind.UPDATE
        && writer.mutate(tenantId, id, (alert, now) -> applyUpdate(alert, d, now)).isPresent()) {
      return;
    }
    Alert alert = fromDetection(tenantId, id, d, now());
    if (writer.create(alert)) {
      queueAutomatic(alert);
    } else if (d.kind() == Detection.Kind.UPDATE) {
      writer.mutate(tenantId, id, (existing, now) -> applyUpdate(existing, d, now));
    }
  }

  private static String applyUpdate(Alert alert, Detection d, Instant now) {
    long oldCount = alert.count;
    boolean changed = AlertEvents.merge(alert, d.events());
    if (d.count() > alert.count) {
      alert.count = d.count();
      changed = true;
    }
    if (d.lastSeen() != null && (alert.lastSeen == null || d.lastSeen().isAfter(alert.lastSeen))) {
      alert.lastSeen = d.lastSeen();
      changed = true;
    }
    if (d.riskScore() > alert.riskScore) {
      alert.riskScore = d.riskScore();
      changed = true;
    }
    if (!changed) {
      return null;
    }
    alert.history.add(
        new AlertHistoryEntry(
            now,
            null,
            "system",
            "detection_update",
            Long.toString(oldCount),
            Long.toString(alert.count)));
    AlertTriage.boundHistory(alert);
    return AlertChange.UPDATED;
  }

  private Alert fromDetection(String tenantId, String id, Detection d, Instant now) {
    Alert a = new Alert();
    a.id = id;
    a.tenantId = tenantId;
    a.detectionId = d.id();
    a.source = "detection";
    a.hostId = AlertEvents.hostOf(d.groupKey(), d.events());
    String policy = d.policyName() != null ? d.policyName() : "Policy " + d.policyId();
    a.title = a.hostId == null ? policy : policy + " on " + a.hostId;
    a.description = d.reason() != null ? d.reason() : "Rule " + d.ruleId() + " matched";
    a.severity = d.severity().wireName();
    a.status = Alert.OPEN;
    a.createdAt = now;
    a.updatedAt = now;
    a.policyId = d.policyId();
    a.policyName = d.policyName();
    a.ruleId = d.ruleId();
    a.groupKey = d.groupKey() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(d.groupKey());
    a.count = d.count();
    a.riskScore = d.riskScore();
    a.mitre = new ArrayList<>(d.mitreTags());
    a.tags = new ArrayList<>(d.mitreTags());
    a.firstSeen = d.firstSeen();
    a.lastSeen = d.lastSeen();
    AlertEvents.merge(a, d.events());
    a.history.add(new AlertHistoryEntry(now, null, "system", "created", null, Alert.OPEN));
    automaticType(d.action())
        .ifPresent(type -> a.actions.add(automaticAction(a, type, d.parameters(), now)));
    return a;
  }

  private static Optional<ActionType> automaticType(Action action) {
    return switch (action) {
      case ISOLATE_HOST, KILL_PROCESS, QUARANTINE, BLOCK -> ActionType.parse(action.wireName());
      case ALERT, NOTIFY -> Optional.empty();
    };
  }

  private static AlertAction automaticAction(
      Alert a, ActionType type, Map<String, Object> ruleParameters, Instant now) {
    String commandId = "cmd_" + alertId(a.tenantId, a.id + "|auto|" + type.wireName()).substring(4);
    Map<String, Object> parameters = ActionParameters.of(type, a, ruleParameters);
    String missing = a.hostId == null ? "host_id" : ActionParameters.missing(type, parameters);
    String state = missing == null ? "pending" : "failed";
    String message = missing == null ? null : "cannot run automatically: no " + missing;
    return new AlertAction(
        commandId,
        type.wireName(),
        state,
        a.hostId,
        parameters,
        true,
        null,
        "policy",
        now,
        now,
        message,
        Map.of());
  }

  private void queueAutomatic(Alert a) {
    for (AlertAction action : a.actions) {
      if ("pending".equals(action.state())) {
        commands.queue(
            new CommandService.NewCommand(
                action.id(),
                a.tenantId,
                a.hostId,
                a.id,
                ActionType.parse(action.type()).orElseThrow(),
                action.parameters(),
                true,
                null,
                "policy"));
      }
    }
  }

  /**
   * Now, at the store's precision (milliseconds), so what listeners see equals what is read back.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
